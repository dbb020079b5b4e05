import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from './command-table.js';

const here = import.meta.dirname;

describe('countersign --help', () => {
  it('answers without starting the TypeScript loader', () => {
    // The command and its table alone, where no node_modules can be found: if help reached for
    // tsx (or any TypeScript), the import would fail. Deterministic, unlike a time limit on a
    // busy machine; the speed itself is in docs/benchmarks.md.
    const dir = mkdtempSync(join(tmpdir(), 'cs-help-'));
    try {
      for (const f of ['countersign.js', 'command-table.js'])
        copyFileSync(join(here, f), join(dir, f));
      writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
      const out = execFileSync(process.execPath, [join(dir, 'countersign.js'), '--help'], {
        encoding: 'utf8',
        cwd: dir,
      });
      for (const name of Object.keys(COMMANDS)) expect(out).toContain(`  ${name} `);
      expect(out).toContain('major unit');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
