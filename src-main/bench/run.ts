// `npm run bench`: runs every benchmark script in turn; each prints its figures and writes its
// section of docs/benchmarks.md. Pass names to run only some: `npm run bench -- ocr payments`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const all = [
  'reader',
  'ocr',
  'payments',
  'devices',
  'scan',
  'face',
  'reports',
  'hq',
  'windows-capture',
];
const wanted = process.argv.slice(2).length > 0 ? process.argv.slice(2) : all;
let failed = 0;
for (const name of wanted) {
  const file = join(import.meta.dirname, `${name}-bench.ts`);
  if (!existsSync(file)) {
    console.error(`bench: no benchmark named '${name}' (have: ${all.join(', ')})`);
    failed++;
    continue;
  }
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
