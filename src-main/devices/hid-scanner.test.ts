import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { listHidDevices, nodeHidBackend, type HidBackend, type HidDeviceInfo } from './hid-backend';
import { createHidScanner, pickHidInterface } from './hid-scanner';
import type { ScannerHandle } from './status';
import { waitFor } from './test-support/socat-pair';

// No USB HID scanner exists on this machine (and no /dev/uhid to make one), so the adapter's
// hot-plug and reconnect logic is driven through a replay stand-in for node-hid that plays
// report bytes; the real node-hid is exercised for enumeration below.
class ReplayDevice extends EventEmitter {
  closed = false;
  async close() {
    this.closed = true;
  }
}
function replayBackend() {
  let present: HidDeviceInfo[] = [];
  const opened: ReplayDevice[] = [];
  const backend: HidBackend = {
    devices: async () => present,
    open: async (path) => {
      if (!present.some((d) => d.path === path)) throw new Error(`cannot open ${path}`);
      const d = new ReplayDevice();
      opened.push(d);
      return d;
    },
  };
  return {
    backend,
    opened,
    plug: (devices: HidDeviceInfo[]) => (present = devices),
    unplug: () => {
      present = [];
      opened.at(-1)?.emit('error', new Error('could not read from HID device'));
    },
  };
}

const SCANNER: HidDeviceInfo[] = [
  { vendorId: 0x0c2e, productId: 0x0b8f, path: '/dev/hidraw3', usagePage: 0x01, usage: 0x06 },
  { vendorId: 0x0c2e, productId: 0x0b8f, path: '/dev/hidraw4', usagePage: 0x8c, usage: 0x02 },
];
const kb = (mods: number, key = 0) => Buffer.from([mods, 0, key, 0, 0, 0, 0, 0]);

let scanner: ScannerHandle | null = null;
afterEach(async () => {
  await scanner?.close();
  scanner = null;
});

describe('pickHidInterface', () => {
  it('picks the interface whose usage page fits the kind', () => {
    const ids = { vendorId: 0x0c2e, productId: 0x0b8f };
    expect(pickHidInterface(SCANNER, { ...ids, kind: 'hid-pos' })?.path).toBe('/dev/hidraw4');
    expect(pickHidInterface(SCANNER, { ...ids, kind: 'hid-keyboard' })?.path).toBe('/dev/hidraw3');
    expect(pickHidInterface(SCANNER, { ...ids, productId: 1, kind: 'hid-pos' })).toBeNull();
  });
});

describe('HID scanner adapter', () => {
  it('waits for the device, reads codes, notices the unplug and comes back', async () => {
    const hid = replayBackend();
    const scans: string[] = [];
    scanner = createHidScanner({
      kind: 'hid-keyboard',
      vendorId: 0x0c2e,
      productId: 0x0b8f,
      pollMs: 20,
      backend: hid.backend,
      onScan: (raw) => scans.push(raw),
    });
    await waitFor(() => scanner!.status().lastError === 'device not present', 'absent');
    expect(scanner.status().connected).toBe(false);

    hid.plug(SCANNER);
    await waitFor(() => scanner!.status().connected, 'connect on plug');
    for (const r of [kb(0, 0x1e), kb(0), kb(0, 0x27), kb(0), kb(0, 0x28), kb(0)]) {
      hid.opened.at(-1)!.emit('data', r);
    }
    expect(scans).toEqual(['10']);

    hid.unplug();
    await waitFor(() => !scanner!.status().connected, 'disconnect');
    expect(scanner.status().lastError).toMatch(/could not read/);
    expect(hid.opened.at(-1)!.closed).toBe(true);

    hid.plug(SCANNER);
    await waitFor(() => scanner!.status().connected, 'reconnect');
    expect(hid.opened).toHaveLength(2);
  });

  it('HID POS: assembles multi-report codes; a keyboard code without suffix ends on idle', async () => {
    const hid = replayBackend();
    hid.plug(SCANNER);
    const scans: string[] = [];
    scanner = createHidScanner({
      kind: 'hid-pos',
      vendorId: 0x0c2e,
      productId: 0x0b8f,
      backend: hid.backend,
      onScan: (raw) => scans.push(raw),
    });
    await waitFor(() => scanner!.status().connected, 'connect');
    const report = (data: string, more: boolean) => {
      const r = Buffer.alloc(64);
      r[0] = 2;
      r[1] = data.length;
      r.write(']Q1', 2, 'latin1');
      r.write(data, 5, 'latin1');
      r[63] = more ? 1 : 0;
      return r;
    };
    hid.opened[0]!.emit('data', report('2845678901', true));
    hid.opened[0]!.emit('data', report('23456789', false));
    expect(scans).toEqual(['284567890123456789']);
    expect(scanner.status().lastScanAt).toBeTypeOf('number');

    const kbScans: string[] = [];
    const hid2 = replayBackend();
    hid2.plug(SCANNER);
    const second = createHidScanner({
      kind: 'hid-keyboard',
      vendorId: 0x0c2e,
      productId: 0x0b8f,
      idleMs: 30,
      backend: hid2.backend,
      onScan: (raw) => kbScans.push(raw),
    });
    await waitFor(() => second.status().connected, 'connect keyboard');
    hid2.opened[0]!.emit('data', kb(0, 0x1f));
    hid2.opened[0]!.emit('data', kb(0));
    await waitFor(() => kbScans.length === 1, 'idle flush');
    expect(kbScans).toEqual(['2']);
    await second.close();
  });
});

describe('node-hid itself', () => {
  it('enumerates (an empty list on this machine) and a configured scanner reports absent', async () => {
    const list = await listHidDevices();
    expect(list.ok).toBe(true);
    scanner = createHidScanner({
      kind: 'hid-pos',
      vendorId: 0xfffe,
      productId: 0xfffe,
      backend: nodeHidBackend(),
      onScan: () => undefined,
    });
    await waitFor(() => scanner!.status().lastError !== null, 'absence reported');
    expect(scanner.status()).toMatchObject({ connected: false, lastError: 'device not present' });
  });
});
