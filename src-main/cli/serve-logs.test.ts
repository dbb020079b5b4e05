import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { humanLine } from './human-log';

const bin = join(import.meta.dirname, 'countersign.js');

/** Runs `countersign serve` until it says it is ready (or exits), then stops it. */
function serve(dataDir: string, port: number) {
  const child = spawn(
    process.execPath,
    [bin, 'serve', '--port', String(port), '--data-dir', dataDir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  let stopped = false;
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
    // Ready once it said so on stderr (after the listening line on stdout). Stopped once: a
    // second SIGTERM, sent when its shutdown lines arrive, would end it before its log is written.
    if (!stopped && err.includes('Press Ctrl+C to stop.')) {
      stopped = true;
      // What the log file holds is the question, not how a stop flushes it: stop once the
      // file has its first line (seen empty on a loaded machine when stopped at once).
      const log = join(dataDir, 'logs', 'station.log');
      const until = Date.now() + 10_000;
      const stopWhenLogged = () => {
        const logged = existsSync(log) && readFileSync(log, 'utf8').includes('\n');
        if (logged || Date.now() > until) child.kill('SIGTERM');
        else setTimeout(stopWhenLogged, 50);
      };
      stopWhenLogged();
    }
  });
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
    child.once('close', (code) => resolve({ code, out, err })),
  );
}

describe('countersign serve output', () => {
  it('writes pino lines for a person: time, level, part, message and the error', () => {
    const line = JSON.stringify({
      level: 40,
      time: new Date(2026, 0, 2, 9, 5, 7).getTime(),
      part: 'payments',
      msg: 'payment provider stopped',
      err: { message: 'key file missing' },
    });
    expect(humanLine(line)).toBe(
      '09:05:07 WARN [payments] payment provider stopped — key file missing\n',
    );
    expect(humanLine('not json')).toBe('not json\n');
  });

  it('keeps human lines on stderr and JSON in the log file; a taken port is one sentence before anything starts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-serve-logs-'));
    try {
      writeFileSync(
        join(dir, 'config.json'),
        JSON.stringify({ payments: { sandbox: { port: 0 } }, ocr: { warmUp: false } }),
      );
      const run = await serve(dir, 0);
      expect(JSON.parse(run.out.trim().split('\n')[0]!)).toMatchObject({ event: 'listening' });
      expect(run.err).toContain('Countersign is ready.');
      expect(run.err.split('\n').filter((l) => l.startsWith('{'))).toEqual([]);
      expect(run.err).toMatch(/^\d\d:\d\d:\d\d info \[payments\] payments status$/m);
      const file = readFileSync(join(dir, 'logs', 'station.log'), 'utf8')
        .trim()
        .split('\n');
      expect(file.length).toBeGreaterThan(0);
      for (const l of file) expect(JSON.parse(l)).toHaveProperty('msg');

      const taken = createServer();
      await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
      const port = (taken.address() as { port: number }).port;
      const other = mkdtempSync(join(tmpdir(), 'cs-serve-taken-'));
      const refused = await serve(other, port).finally(() => taken.close());
      expect(refused.code).toBe(2);
      expect(refused.err.trim()).toBe(
        `countersign serve: port ${port} on 127.0.0.1 is taken by another program; stop it or use --port`,
      );
      // Nothing was started: no ledger, no sandbox, no log.
      expect(() => readFileSync(join(other, 'ledger.sqlite'))).toThrow();
      rmSync(other, { recursive: true, force: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
