import { mkdtempSync, openSync, closeSync, writeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SerialSuffix } from './config';
import { createSerialScanner } from './serial-scanner';
import type { ScannerHandle, ScannerStatus } from './status';
import { socatPair, waitFor, type SocatPair } from './test-support/socat-pair';

let dir: string;
let pair: SocatPair;
let scanner: ScannerHandle | null = null;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cs-serial-'));
  pair = socatPair(dir);
  await pair.start();
});

afterEach(async () => {
  await scanner?.close();
  scanner = null;
  await pair.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Writes bytes into the far end of the pair, as the scanner hardware would. */
function send(bytes: string | Buffer): void {
  const fd = openSync(pair.host, 'w');
  try {
    writeSync(fd, typeof bytes === 'string' ? Buffer.from(bytes, 'binary') : bytes);
  } finally {
    closeSync(fd);
  }
}

function start(suffix: SerialSuffix, idleMs?: number) {
  const scans: string[] = [];
  const statuses: ScannerStatus[] = [];
  scanner = createSerialScanner({
    path: pair.device,
    baudRate: 9600,
    dataBits: 8,
    parity: 'none',
    stopBits: 1,
    suffix,
    idleMs,
    backoff: { initialMs: 50, maxMs: 400 },
    onScan: (raw) => scans.push(raw),
    onStatus: (s) => statuses.push(s),
  });
  return { scans, statuses };
}

describe('serial scanner over a socat pair', () => {
  it.each<[SerialSuffix, string]>([
    ['CR', '134567890123456789\r'],
    ['LF', '134567890123456789\n'],
    ['CRLF', '134567890123456789\r\n'],
  ])('frames a code ending in %s', async (suffix, wire) => {
    const { scans } = start(suffix);
    await waitFor(() => scanner!.status().connected, 'connect');
    send(wire + wire.replace('1345', '2845'));
    await waitFor(() => scans.length === 2, 'two scans');
    expect(scans).toEqual(['134567890123456789', '284567890123456789']);
    expect(scanner!.status().lastScanAt).toBeTypeOf('number');
  });

  it('joins a code split across writes and keeps UTF-8 intact', async () => {
    const { scans } = start('CRLF');
    await waitFor(() => scanner!.status().connected, 'connect');
    const bytes = Buffer.from('付款码2845\r\n', 'utf8');
    send(bytes.subarray(0, 4));
    await sleep(20);
    send(bytes.subarray(4));
    await waitFor(() => scans.length === 1, 'one scan');
    expect(scans).toEqual(['付款码2845']);
  });

  it('frames by idle gap when there is no suffix', async () => {
    const { scans } = start('none', 40);
    await waitFor(() => scanner!.status().connected, 'connect');
    send('6212345678901234567');
    await sleep(150);
    send('134567890123456789');
    await waitFor(() => scans.length === 2, 'two scans');
    expect(scans).toEqual(['6212345678901234567', '134567890123456789']);
  });

  it('drops a half code that never gets its suffix', async () => {
    const { scans } = start('CR', 30);
    await waitFor(() => scanner!.status().connected, 'connect');
    send('13456');
    await waitFor(() => scanner!.status().lastError !== null, 'drop reported', 3000);
    send('134567890123456789\r');
    await waitFor(() => scans.length === 1, 'one scan');
    expect(scans).toEqual(['134567890123456789']);
    expect(scanner!.status().lastError).toMatch(/dropped 5 bytes/);
  });

  it('reconnects by itself when the port vanishes and comes back', async () => {
    const { scans, statuses } = start('CR');
    await waitFor(() => scanner!.status().connected, 'connect');
    send('134567890123456789\r');
    await waitFor(() => scans.length === 1, 'first scan');

    await pair.stop();
    await waitFor(() => !scanner!.status().connected, 'disconnect noticed');
    expect(scanner!.status().lastError).not.toBeNull();
    const failedBefore = statuses.length;
    await waitFor(() => statuses.length >= failedBefore + 2, 'failed reopen attempts while gone');

    await pair.start();
    await waitFor(() => scanner!.status().connected, 'reconnect');
    send('284567890123456789\r');
    await waitFor(() => scans.length === 2, 'scan after reconnect');
    expect(scans[1]).toBe('284567890123456789');
  });

  it('keeps retrying a port that does not exist yet, then connects', async () => {
    await pair.stop();
    const { statuses } = start('CR');
    await waitFor(() => scanner!.status().lastError !== null, 'first failed open');
    expect(scanner!.status().connected).toBe(false);
    expect(scanner!.status().lastError).toMatch(/No such file|ENOENT|cannot open/i);
    await pair.start();
    await waitFor(() => scanner!.status().connected, 'connect once present');
    expect(statuses.some((s) => s.connected)).toBe(true);
  });

  it('stops retrying after close()', async () => {
    await pair.stop();
    const { statuses } = start('CR');
    await waitFor(() => statuses.length >= 2, 'two failed opens');
    await scanner!.close();
    const seen = statuses.length;
    await sleep(300);
    expect(statuses.length).toBe(seen);
  });
});
