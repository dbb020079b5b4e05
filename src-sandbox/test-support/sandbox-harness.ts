import { join } from 'node:path';
import { startSandbox, type Sandbox, type SandboxOptions } from '../server';

/** A sandbox on a free loopback port with its database in `dir`. */
export function sandboxIn(dir: string, extra: Partial<SandboxOptions> = {}): Promise<Sandbox> {
  return startSandbox({ dbFile: join(dir, 'sandbox.sqlite'), port: 0, ...extra });
}
