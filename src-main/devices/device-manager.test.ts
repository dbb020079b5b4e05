import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { devicesConfigSchema } from './config';
import {
  createDeviceManager,
  maskCode,
  type DeviceManager,
  type DeviceScan,
} from './device-manager';
import type { HidBackend } from './hid-backend';
import { socatPair, waitFor, type SocatPair } from './test-support/socat-pair';

let dir: string;
let pair: SocatPair;
let manager: DeviceManager | null = null;
let logLines: Record<string, unknown>[];

function logger() {
  logLines = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
      cb();
    },
  });
  return pino({ level: 'info' }, sink);
}

// No HID device exists here: an enumeration that finds nothing, like node-hid on this machine.
const noHid: HidBackend = {
  devices: async () => [],
  open: async (path) => {
    throw new Error(`cannot open ${path}`);
  },
};

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cs-devices-'));
  pair = socatPair(dir);
  await pair.start();
});
afterEach(async () => {
  await manager?.close();
  manager = null;
  await pair.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('device manager', () => {
  it('starts configured scanners, merges scans, keeps health and logs without whole codes', async () => {
    const config = devicesConfigSchema.parse({
      scanners: [
        { id: 'counter', kind: 'serial', path: pair.device, suffix: 'CRLF' },
        { id: 'missing', kind: 'serial', path: join(dir, 'nope') },
        { id: 'pos', kind: 'hid-pos', vendorId: '0x0c2e', productId: 0x0b8f, pollMs: 100 },
      ],
    });
    const scans: DeviceScan[] = [];
    manager = createDeviceManager({
      config,
      logger: logger(),
      onScan: (s) => scans.push(s),
      hidBackend: noHid,
    });
    await waitFor(() => manager!.health().find((h) => h.id === 'counter')!.connected, 'connect');
    const pending = manager.testScan('counter', 3000);
    writeFileSync(pair.host, '134567890123456789\r\n');
    const test = await pending;
    expect(test.ok && test.value.raw).toBe('134567890123456789');
    expect(scans).toHaveLength(1);
    expect(scans[0]).toMatchObject({ deviceId: 'counter', raw: '134567890123456789' });

    await waitFor(
      () => manager!.health().every((h) => h.lastError !== null || h.connected),
      'health',
    );
    const byId = Object.fromEntries(manager.health().map((h) => [h.id, h]));
    expect(byId.counter).toMatchObject({
      connected: true,
      lastRaw: '134567890123456789',
      kind: 'serial',
    });
    expect(byId.missing).toMatchObject({ connected: false, lastRaw: null });
    expect(byId.missing!.lastError).toMatch(/No such file|ENOENT/);
    expect(byId.pos).toMatchObject({ connected: false, lastError: 'device not present' });

    const text = JSON.stringify(logLines);
    expect(text).toContain('…6789');
    expect(text).not.toContain('134567890123456789');
    expect(logLines.some((l) => l.msg === 'scan' && l.deviceId === 'counter')).toBe(true);
  });

  it('shows a scanner going away and coming back', async () => {
    const config = devicesConfigSchema.parse({
      scanners: [{ id: 'a', kind: 'serial', path: pair.device }],
    });
    const seen: boolean[] = [];
    manager = createDeviceManager({
      config,
      logger: logger(),
      onScan: () => undefined,
      onHealth: (h) => seen.push(h[0]!.connected),
    });
    await waitFor(() => manager!.health()[0]!.connected, 'connect');
    await pair.stop();
    await waitFor(() => !manager!.health()[0]!.connected, 'gone');
    await pair.start();
    await waitFor(() => manager!.health()[0]!.connected, 'back', 8000);
    expect(seen).toContain(false);
    expect(logLines.some((l) => l.msg === 'scanner disconnected')).toBe(true);
  });

  it('testScan: unknown device and timeout are errors, not hangs', async () => {
    manager = createDeviceManager({
      config: devicesConfigSchema.parse({
        scanners: [{ id: 'a', kind: 'serial', path: pair.device }],
      }),
      logger: logger(),
      onScan: () => undefined,
    });
    expect(await manager.testScan('zz')).toEqual({ ok: false, error: "no scanner with id 'zz'" });
    expect(await manager.testScan('a', 50)).toEqual({
      ok: false,
      error: "no scan from 'a' within 50 ms",
    });
  });
});

describe('devices config', () => {
  it('defaults to no scanners and names bad entries', () => {
    expect(devicesConfigSchema.parse({})).toEqual({ scanners: [] });
    const dup = devicesConfigSchema.safeParse({
      scanners: [
        { id: 'a', kind: 'serial', path: '/dev/ttyS0' },
        { id: 'a', kind: 'serial', path: '/dev/ttyS1' },
      ],
    });
    expect(dup.success).toBe(false);
    const bad = devicesConfigSchema.safeParse({
      scanners: [{ id: 'x', kind: 'hid-pos', vendorId: '0xZZ', productId: 1 }],
    });
    expect(bad.success).toBe(false);
    expect(devicesConfigSchema.safeParse({ scanners: [{ id: 'x', kind: 'usb' }] }).success).toBe(
      false,
    );
  });

  it('maskCode keeps only length and last four', () => {
    expect(maskCode('134567890123456789')).toBe('18 chars …6789');
    expect(maskCode('12')).toBe('2 chars');
  });
});
