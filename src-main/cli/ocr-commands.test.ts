import { PassThrough, Readable } from 'node:stream';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from './main';
import { renderScreen } from '../ocr/fixtures/render-screen';

const dir = mkdtempSync(join(tmpdir(), 'cs-ocr-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io(stdinText = '') {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (c: Buffer) => out.push(c.toString()));
  stderr.on('data', (c: Buffer) => err.push(c.toString()));
  return { io: { stdout, stderr, stdin: Readable.from([stdinText]) }, out, err };
}

describe('countersign ocr', () => {
  it('--batch prints one object per line, in order, bad lines included', async () => {
    const screen = await renderScreen({
      seed: 6,
      layout: 'mono',
      lang: 'en',
      theme: 'light',
      count: 4,
      discount: false,
      symbol: '$',
    });
    writeFileSync(join(dir, 'pos.png'), screen.png);
    const jobs = [
      JSON.stringify({ image: join(dir, 'pos.png'), region: screen.region }),
      '{"image": 42}',
      JSON.stringify({ image: '/no/such.png' }),
    ].join('\n');
    const t = io(jobs);
    expect(await main(['ocr', '--batch', '--lang', 'eng', '--workers', '1'], t.io)).toBe(0);
    const lines = t.out
      .join('')
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as { status: string; total?: number; warnings: Array<{ code: string }> },
      );
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ status: 'ok', total: screen.truth.total });
    expect(lines[1]!.warnings[0]!.code).toBe('bad_job');
    expect(lines[2]!.warnings[0]!.code).toBe('unreadable');
  }, 60_000);

  it('refuses bad arguments with a usage error', async () => {
    const t = io();
    expect(await main(['ocr', 'x.png', '--region', '1,2,3'], t.io)).toBe(2);
    expect(t.err.join('')).toContain('--region must be x,y,width,height');
    const u = io();
    expect(await main(['ocr', 'x.png', '--lang', 'fra'], u.io)).toBe(2);
    expect(await main(['capture', '--region', '0,0,10,10'], u.io)).toBe(2);
    expect(u.err.join('')).toContain('--out FILE.png is required');
  });
});
