import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from './logger';
import { mountTmpfs, unmount } from './test-support/mounts';

const dir = mkdtempSync(join(tmpdir(), 'cs-logfull-'));
const mounted = mountTmpfs(dir, '512k');
if (!mounted.ok)
  console.warn(`full-disk log test skipped: cannot mount a tmpfs (${mounted.error})`);

afterAll(() => {
  if (mounted.ok) unmount(dir);
  rmSync(dir, { recursive: true, force: true });
});

/** Fills the file system with one file; returns a function that frees it again. */
function fill(root: string): () => void {
  const filler = join(root, 'filler');
  const chunk = Buffer.alloc(64 * 1024, 1);
  let size = 0;
  for (;;) {
    try {
      writeFileSync(filler, chunk, { flag: 'a' });
      size += chunk.length;
    } catch {
      break;
    }
  }
  expect(size).toBeGreaterThan(0);
  return () => rmSync(filler);
}

describe.skipIf(!mounted.ok)('the station log on a full disk', () => {
  it('drops lines instead of blocking or ending the station, and says so once space returns', async () => {
    mkdirSync(join(dir, 'logs'));
    const logger = createLogger({ dataDir: dir, stderr: false });
    logger.info('before the disk filled');
    const free = fill(dir);
    const line = 'x'.repeat(400);
    // The event loop keeps turning while thousands of lines meet ENOSPC.
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    const started = Date.now();
    for (let i = 0; i < 5000; i++) {
      logger.info({ i, line }, 'while the disk is full');
      if (i % 500 === 0) await new Promise((r) => setTimeout(r, 10));
    }
    await new Promise<void>((r) => logger.flush(() => r()));
    clearInterval(ticker);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(ticks).toBeGreaterThan(3);

    free();
    await vi.waitFor(
      () => {
        logger.info('after space returned');
        const text = readFileSync(join(dir, 'logs', 'station.log'), 'utf8');
        expect(text).toContain('after space returned');
        expect(text).toMatch(/\d+ log lines were dropped \(ENOSPC\)/);
      },
      { timeout: 5000, interval: 200 },
    );
    expect(statSync(join(dir, 'logs', 'station.log')).size).toBeLessThan(512 * 1024);
  });
});
