import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bindReadOnly, unmount } from './test-support/mounts';

const CLI = join(import.meta.dirname, '..', 'cli', 'countersign.js');
const dir = mkdtempSync(join(tmpdir(), 'cs-ro-'));
// A data directory that was in use (config, logs) and then became read-only.
writeFileSync(join(dir, 'config.json'), JSON.stringify({ payments: { sandbox: { port: 0 } } }));
mkdirSync(join(dir, 'logs'));
const mounted = bindReadOnly(dir);
if (!mounted.ok)
  console.warn(`read-only data dir test skipped: cannot mount here (${mounted.error})`);

afterAll(() => {
  if (mounted.ok) unmount(dir);
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!mounted.ok)('a read-only data directory', () => {
  it('is refused at start, by name, before the station says it is ready', async () => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data-dir', dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.on('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    expect(out).not.toContain('listening');
    expect(err).not.toContain('ready');
    expect(err).toContain(`The data directory ${dir} is on a read-only file system`);
    expect(code).toBe(1);
  }, 30_000);
});
