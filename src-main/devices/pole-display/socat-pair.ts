import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A virtual null-modem cable: bytes written to `a` come out of `b` and back. */
export interface SocatPair {
  a: string;
  b: string;
  stop(): Promise<void>;
}

/** Starts `socat` with two linked raw ptys (for tests) and waits until both links exist. */
export async function startSocatPair(): Promise<SocatPair> {
  const dir = mkdtempSync(join(tmpdir(), 'pole-'));
  const a = join(dir, 'a');
  const b = join(dir, 'b');
  const proc = spawn('socat', [`pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], {
    stdio: 'ignore',
  });
  const end = Date.now() + 5000;
  while (!(existsSync(a) && existsSync(b))) {
    if (Date.now() > end || proc.exitCode !== null) throw new Error('socat did not start');
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    a,
    b,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}
