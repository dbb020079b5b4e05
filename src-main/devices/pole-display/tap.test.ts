import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { socatPair, type SocatPair } from '../test-support/socat-pair';
import { createPoleDisplayTap } from './tap';

const pairs: SocatPair[] = [];
afterEach(async () => {
  await Promise.all(pairs.splice(0).map((p) => p.stop()));
});

/** A started socat pty pair in a fresh temp folder. */
async function startPair(name: string): Promise<SocatPair> {
  const pair = socatPair(mkdtempSync(join(tmpdir(), 'pole-')), name);
  pairs.push(pair);
  await pair.start();
  return pair;
}

function openPort(path: string): Promise<SerialPort> {
  return new Promise((resolve, reject) => {
    const port = new SerialPort({ path, baudRate: 2400 }, (err) =>
      err ? reject(err) : resolve(port),
    );
  });
}

const until = async (test: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!test() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
};

describe('pole display tap over a socat serial pair', () => {
  it('reports amounts from a garbled stream and passes every byte through', async () => {
    // The legacy POS writes to pos.host, the tap reads pos.device.
    const pos = await startPair('pos');
    // The tap passes through to pole.device, the real display is pole.host.
    const pole = await startPair('pole');
    const amounts: Array<[number, string | null]> = [];
    const errors: string[] = [];
    const tap = createPoleDisplayTap({
      path: pos.device,
      baudRate: 2400,
      protocol: 'esc-qa',
      passThroughPath: pole.device,
      onAmount: (amount, d) => amounts.push([amount, d.lamp]),
      onError: (m) => errors.push(m),
    });
    await tap.ready;
    const display = await openPort(pole.host);
    const seen: Buffer[] = [];
    display.on('data', (c: Buffer) => seen.push(c));
    const writer = await openPort(pos.host);
    const stream = Buffer.from(
      '\x1b@\x1bs1\x1bQA3.50\r\xfe\xff\x1bQA12\x00\x1bs2\x1bQA  88.20\r',
      'latin1',
    );
    writer.write(stream.subarray(0, 7));
    await new Promise((r) => setTimeout(r, 50));
    writer.write(stream.subarray(7));
    await until(() => amounts.length >= 2 && Buffer.concat(seen).length >= stream.length);
    expect(amounts).toEqual([
      [350, 'price'],
      [8820, 'total'],
    ]);
    expect(errors.some((e) => e.includes('pole display stream'))).toBe(true);
    expect(Buffer.concat(seen).equals(stream)).toBe(true);
    await new Promise<void>((r) => writer.close(() => r()));
    await new Promise<void>((r) => display.close(() => r()));
    await tap.close();
  });

  it('reports a port that does not exist instead of throwing', async () => {
    const errors: string[] = [];
    const tap = createPoleDisplayTap({
      path: '/dev/does-not-exist-pole',
      baudRate: 2400,
      protocol: 'esc-qa',
      onAmount: () => undefined,
      onError: (m) => errors.push(m),
    });
    await tap.ready;
    expect(errors[0]).toContain('cannot open /dev/does-not-exist-pole');
    await tap.close();
  });
});
