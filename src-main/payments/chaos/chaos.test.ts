import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runChaos } from './chaos-run';

const dir = mkdtempSync(join(tmpdir(), 'cs-chaos-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The bounded chaos run CI does (`npm run chaos` is the long one that writes figures). */
describe('chaos: serve + sandbox under faults, kill -9, restarts and a full disk', () => {
  it('ends with 0 double charges, 0 lost, 0 non-final, each payment final within 60 s of the restart', async () => {
    const figures = await runChaos({
      dir,
      durationMs: Number(process.env.CHAOS_MS ?? 40_000),
      log: (l) => console.log(`chaos: ${l}`),
    });
    console.log(`chaos: ${JSON.stringify(figures)}`);
    expect(figures.doubleCharges).toEqual([]);
    expect(figures.lost).toEqual([]);
    expect(figures.nonFinal).toEqual([]);
    expect(Math.max(...figures.finalAfterBackMs)).toBeLessThan(60_000);
    expect(figures.checkoutsLost).toBe(0);
    expect(figures.kills).toBeGreaterThan(2);
    expect(figures.paid).toBeGreaterThan(3);
  }, 150_000);
});
