import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { SerialPort } from 'serialport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startXvfb, type Xvfb } from '../capture/test-support/xvfb';
import { parseConfig } from '../config/load-config';
import type { CaptureDevicesView } from '../contract/store-ops';
import { socatPair, waitFor, type SocatPair } from '../devices/test-support/socat-pair';
import { createCaptureRow } from './capture-devices';
import { createStation, type Station } from './create-station';

/**
 * The device panel's order-source rows on a real station: the pole-display tap on a socat pty
 * pair (unplugged and plugged back between checks) and screen capture on an Xvfb display.
 */
describe('device panel: pole display and screen capture rows', () => {
  let dir: string;
  let pos: SocatPair;
  let xvfb: Xvfb;
  let station: Station;
  const view = async (
    command: 'devices.capture' | 'pole.check' | 'capture.test',
  ): Promise<CaptureDevicesView> => {
    const r = await station.dispatch('cashier', command, {});
    if (!r.ok) throw new Error(r.error.message);
    return r.value as CaptureDevicesView;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cs-capture-devices-'));
    pos = socatPair(dir, 'pos');
    await pos.start();
    xvfb = await startXvfb(640, 480);
    process.env.DISPLAY = xvfb.display;
    station = await createStation({
      dataDir: dir,
      config: parseConfig({
        pole: { enabled: true, port: pos.device, protocol: 'esc-qa' },
        ocr: { warmUp: false },
      }),
      logger: pino({ level: 'silent' }),
      parts: { payments: false, devices: false },
    });
  }, 30_000);

  afterAll(async () => {
    await station?.close();
    await pos?.stop();
    await xvfb?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the pole tap open, its last amount, a failed reopen when unplugged, and recovery', async () => {
    let v = await view('devices.capture');
    for (let i = 0; i < 200 && v.pole.state === 'opening'; i++) {
      await new Promise((r) => setTimeout(r, 10));
      v = await view('devices.capture');
    }
    expect(v.pole).toMatchObject({
      enabled: true,
      port: pos.device,
      state: 'open',
      lastError: null,
    });
    expect(v.pole.lastAmountAt).toBeNull();

    const writer = await new Promise<SerialPort>((resolve, reject) => {
      const p = new SerialPort({ path: pos.host, baudRate: 2400 }, (e) =>
        e ? reject(e) : resolve(p),
      );
    });
    writer.write(Buffer.from('\x1b@\x1bs2\x1bQA  88.20\r', 'latin1'));
    await new Promise<void>((resolve) => writer.drain(() => resolve()));
    await waitFor(() => station.checkout.snapshot().order?.total === 8820, 'the pole amount');
    expect((await view('devices.capture')).pole.lastAmountAt).not.toBeNull();
    await new Promise<void>((resolve) => writer.close(() => resolve()));

    await pos.stop();
    v = await view('pole.check');
    expect(v.pole.state).toBe('failed');
    expect(v.pole.lastError).toMatch(/cannot open/);

    await pos.start();
    v = await view('pole.check');
    expect(v.pole).toMatchObject({ state: 'open', lastError: null });
    expect(v.pole.lastCheckedAt).not.toBeNull();
  });

  it('tests a capture of the calibrated region and reports its size, or why not', async () => {
    let v = await view('capture.test');
    expect(v.capture.state).toBe('no_region');
    expect(v.capture.backend).not.toBeNull();

    const region = { display: 0, x: 10, y: 20, width: 300, height: 120 };
    expect((await station.dispatch('cashier', 'capture.setRegion', { region })).ok).toBe(true);
    v = await view('capture.test');
    expect(v.capture).toMatchObject({
      state: 'ok',
      lastWidth: 300,
      lastHeight: 120,
      lastError: null,
    });
    expect(v.capture.lastMs).toBeGreaterThanOrEqual(0);

    // A region off the display (the POS screen's resolution changed): the row says why and
    // keeps the last good size for comparison.
    const row = createCaptureRow('auto');
    const off = await row.test({ ...region, x: 600 });
    expect(off.state).toBe('failed');
    expect(off.lastError).toMatch(/outside display 0/);
  });
});
