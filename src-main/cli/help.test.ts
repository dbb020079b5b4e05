import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from './command-table.js';

const bin = join(import.meta.dirname, 'countersign.js');

describe('countersign --help', () => {
  it('answers without starting the TypeScript loader, in well under 300 ms', () => {
    const times: number[] = [];
    let out = '';
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      out = execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
      times.push(performance.now() - start);
    }
    for (const name of Object.keys(COMMANDS)) expect(out).toContain(`  ${name} `);
    expect(out).toContain('major unit');
    // The median of three, so one slow start on a busy machine does not decide.
    expect(times.sort((a, b) => a - b)[1]).toBeLessThan(300);
  });
});
