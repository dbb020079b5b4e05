import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load-config';
import { createStation, type Station } from './create-station';

/** The customer display's camera report, as the device panel reads it back. */
describe('camera report from the customer display', () => {
  let dir: string;
  let station: Station;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cs-camera-'));
    station = await createStation({
      dataDir: dir,
      config: parseConfig({}),
      logger: pino({ level: 'silent' }),
      parts: { capture: false, payments: false, devices: false },
    });
  });
  afterAll(async () => {
    await station?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the last report with its time; only the display reports; bad input is refused', async () => {
    expect(await station.dispatch('cashier', 'devices.camera', {})).toEqual({
      ok: true,
      value: { report: null },
    });
    const sent = await station.dispatch('customer', 'camera.report', {
      state: 'unavailable',
      error: 'NotAllowedError',
    });
    expect(sent.ok).toBe(true);
    const r = await station.dispatch('cashier', 'devices.camera', {});
    expect(r.ok && r.value).toMatchObject({
      report: { state: 'unavailable', error: 'NotAllowedError' },
    });
    expect(r.ok && typeof (r.value as { report: { at: number } }).report.at).toBe('number');

    expect(
      (await station.dispatch('cashier', 'camera.report', { state: 'live', error: null })).ok,
    ).toBe(false);
    const bad = await station.dispatch('customer', 'camera.report', {
      state: 'on fire',
      error: null,
    });
    expect(bad.ok || bad.error.code).toBe('invalid_input');
    const after = await station.dispatch('cashier', 'devices.camera', {});
    expect(after.ok && after.value).toMatchObject({ report: { state: 'unavailable' } });
  });
});
