import { closeSync, mkdtempSync, openSync, rmSync, symlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socatPair, waitFor, type SocatPair } from '../devices/test-support/socat-pair';
import type { ScannerStatus } from '../devices/status';
import { haveWine, startWine, type Wine, type WineProgram } from './test-support/wine';

// The station's serial scanner in the Windows node.exe under Wine, on COM5, which Wine maps to
// one end of a socat pty pair (dosdevices/com5 -> the pair's stable link): serialport's Windows
// binding opens \\.\COM5 with the Windows serial API, as on a store's Windows PC.
const present = haveWine('the Windows serial scanner tests (Wine)');
const PROBE = join(import.meta.dirname, 'test-support', 'serial-probe.ts');

type ProbeEvent = { status: ScannerStatus } | { scan: string } | { ports: unknown };

describe.skipIf(!present)('serial scanner on COM5 under Wine', () => {
  let wine: Wine;
  let pair: SocatPair;
  let probe: WineProgram;
  let dir: string;

  const events = (): ProbeEvent[] =>
    probe
      .stdout()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as ProbeEvent);
  const statuses = () => events().flatMap((e) => ('status' in e ? [e.status] : []));
  const scans = () => events().flatMap((e) => ('scan' in e ? [e.scan] : []));
  const until = (check: () => boolean, what: string, ms = 30_000) =>
    waitFor(
      () => {
        if (probe.proc.exitCode !== null) throw new Error(`the probe exited: ${probe.stderr()}`);
        return check();
      },
      what,
      ms,
    );

  /** Writes bytes into the far end of the pair, as the scanner hardware would. */
  const send = (text: string) => {
    const fd = openSync(pair.host, 'w');
    try {
      writeSync(fd, Buffer.from(text, 'binary'));
    } finally {
      closeSync(fd);
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cs-win-serial-'));
    wine = await startWine();
    pair = socatPair(dir, 'com5');
    await pair.start();
    // How a Wine user gives a Windows program a serial port (docs/windows.md).
    symlinkSync(pair.device, join(wine.prefix, 'dosdevices', 'com5'));
    probe = wine.startNode(['--import', 'tsx', PROBE, 'COM5']);
  }, 180_000);

  afterAll(async () => {
    if (probe && probe.proc.exitCode === null) {
      probe.proc.kill('SIGTERM');
      await probe.done;
    }
    await pair?.stop();
    await wine?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('opens COM5 and reads a code', async () => {
    // The first start compiles the TypeScript under Wine: allow it a minute.
    await until(() => statuses().some((s) => s.connected), 'COM5 to open', 60_000);
    send('6901234567892\r');
    await until(() => scans().includes('6901234567892'), 'the code from COM5');
    expect(scans()).toEqual(['6901234567892']);
  }, 120_000);

  it('says so when the port vanishes, and reads again once it is back', async () => {
    const before = statuses().length;
    await pair.stop();
    await until(
      () =>
        statuses()
          .slice(before)
          .some((s) => !s.connected && s.lastError !== null),
      'the scanner to report the lost port',
    );
    const lost = statuses()
      .slice(before)
      .find((s) => !s.connected)!;
    expect(lost.lastError).toMatch(/COM/);

    const gone = statuses().length;
    await pair.start();
    await until(
      () =>
        statuses()
          .slice(gone)
          .some((s) => s.connected),
      'COM5 to open again after the port came back',
    );
    send('4006381333931\r');
    await until(() => scans().includes('4006381333931'), 'a code after reconnecting');
    expect(scans()).toEqual(['6901234567892', '4006381333931']);
  }, 120_000);
});
