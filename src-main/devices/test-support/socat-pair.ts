import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** A virtual serial cable made by socat: `device` is what the scanner code opens, `host` the far end. */
export interface SocatPair {
  device: string;
  host: string;
  /** Starts (or restarts) socat; resolves when both ends exist. */
  start(): Promise<void>;
  /** Kills socat so both ends vanish, like an unplugged scanner. */
  stop(): Promise<void>;
}

/** Creates a socat pty pair with stable paths (link=) so it can vanish and come back. */
export function socatPair(dir: string, name = 'scanner'): SocatPair {
  const device = `${dir}/${name}-dev`;
  const host = `${dir}/${name}-host`;
  let child: ChildProcess | null = null;
  return {
    device,
    host,
    async start() {
      child = spawn('socat', [`pty,raw,echo=0,link=${device}`, `pty,raw,echo=0,link=${host}`], {
        stdio: 'ignore',
      });
      for (let i = 0; i < 200; i++) {
        if (existsSync(device) && existsSync(host)) return;
        await sleep(10);
      }
      throw new Error('socat did not create the pty pair within 2 s');
    },
    async stop() {
      const current = child;
      child = null;
      if (!current || current.exitCode !== null) return;
      const exited = new Promise((resolve) => current.once('exit', resolve));
      current.kill('SIGTERM');
      await exited;
    },
  };
}

/** Polls until `check` is true or the time runs out (then throws with `what`). */
export async function waitFor(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}
