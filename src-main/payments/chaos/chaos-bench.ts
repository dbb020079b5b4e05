/**
 * The long chaos run: `npx tsx src-main/payments/chaos/chaos-bench.ts [minutes]` (default 10).
 * Writes its figures to docs/benchmarks.md (section "chaos"); needs root for the tmpfs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, writeBenchSection } from '../../bench/report';
import { runChaos } from './chaos-run';

const minutes = Number(process.argv[2] ?? 10);
const dir = mkdtempSync(join(tmpdir(), 'cs-chaos-bench-'));
try {
  const f = await runChaos({ dir, durationMs: minutes * 60_000, log: (l) => console.error(l) });
  const back = f.finalAfterBackMs;
  writeBenchSection(
    'chaos',
    `## Chaos (serve + sandbox, faults, kill -9, restarts, full disk)

${(f.durationMs / 60_000).toFixed(1)} min on ${f.tmpfs}: ${f.checkouts} checkouts, ${f.attempts} payment attempts (${f.paid} paid, ${f.failed} failed, ${f.reversed} reversed), ${f.faults} payment-system faults, ${f.kills} kill -9 and restarts, ${f.diskFull} full-disk episodes (${f.ledgerStops} times the ledger stopped payments), ${f.resolvedAnnounced} payments announced as resolved after a restart or a full disk.

| check | result |
| --- | --- |
| double charges | ${f.doubleCharges.length} |
| lost (ledger and payment system disagree) | ${f.lost.length} |
| non-final at the end | ${f.nonFinal.length} |
| checkouts restored after a kill / lost | ${f.checkoutsRestored} / ${f.checkoutsLost} |
| station back → every payment final, median / max | ${Math.round(median(back))} / ${Math.max(...back)} ms |
`,
  );
  console.log(JSON.stringify(f));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
