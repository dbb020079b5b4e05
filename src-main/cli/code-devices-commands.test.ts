import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from './main';

const CLI = join(import.meta.dirname, 'countersign.js');

/** Runs the CLI's main() in-process with real streams; returns exit code and output. */
async function cli(argv: string[], stdin = '') {
  const io = { stdout: new PassThrough(), stderr: new PassThrough(), stdin: new PassThrough() };
  let out = '';
  let err = '';
  io.stdout.on('data', (c) => (out += String(c)));
  io.stderr.on('data', (c) => (err += String(c)));
  io.stdin.end(stdin);
  const code = await main(argv, io);
  return { code, out, err };
}

describe('countersign code', () => {
  it('classifies one value: exit 0 when valid, 1 when refused', async () => {
    const ok = await cli(['code', '134567890123456789']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toEqual({
      input: '134567890123456789',
      valid: true,
      platform: 'wechat',
      error: null,
    });
    const bad = await cli(['code', '99']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out)).toMatchObject({ valid: false, platform: null });
    expect(JSON.parse(bad.out).error).toMatch(/starting 99/);
  });

  it('--batch: one JSON object per line, bad lines refused, the batch goes on', async () => {
    const stdin = [
      '"134567890123456789"',
      '"6212345678901234567\\r\\n"',
      'not json',
      '42',
      '',
      '"284567890123456789"',
      '["13"]',
    ].join('\n');
    const r = await cli(['code', '--batch'], stdin);
    expect(r.code).toBe(0);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(7);
    expect(lines.map((l) => l.platform)).toEqual([
      'wechat',
      'unionpay',
      null,
      null,
      null,
      'alipay',
      null,
    ]);
    expect(lines[1].input).toBe('6212345678901234567\r\n');
    expect(lines[2]).toMatchObject({ input: 'not json', valid: false });
    expect(lines[2].error).toMatch(/^line 3: not JSON/);
    expect(lines[3].error).toBe('line 4: expected a JSON string, got number');
    expect(lines[4].error).toMatch(/^line 5: not JSON/);
    expect(lines[6].error).toBe('line 7: expected a JSON string, got array');
    for (const l of lines) expect(Object.keys(l)).toEqual(['input', 'valid', 'platform', 'error']);
  });

  it('usage errors exit 2', async () => {
    expect((await cli(['code'])).code).toBe(2);
    expect((await cli(['code', '--batch', '123'])).code).toBe(2);
    expect((await cli(['code', '--nope'])).code).toBe(2);
  });

  it('works through the real executable with a pipe', () => {
    const r = spawnSync(process.execPath, [CLI, 'code', '--batch'], {
      input: '"134567890123456789"\n{"a":1}\n',
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ valid: true, platform: 'wechat' });
    expect(lines[1]).toMatchObject({
      valid: false,
      error: 'line 2: expected a JSON string, got object',
    });
  });
});

describe('countersign devices', () => {
  it('lists serial ports and says no HID devices were found on this machine', async () => {
    const r = await cli(['devices']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Serial ports:\n/);
    expect(r.out).toMatch(/HID devices:\n {2}none found\n$/);
  });

  it('--json prints one object', async () => {
    const r = await cli(['devices', '--json']);
    expect(r.code).toBe(0);
    const value = JSON.parse(r.out);
    expect(Array.isArray(value.serial)).toBe(true);
    expect(value.hid).toEqual([]);
  });
});
