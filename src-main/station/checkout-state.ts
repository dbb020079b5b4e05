import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { checkoutSnapshotSchema, type CheckoutSnapshot } from '../contract/checkout';
import type { PaymentMethod } from '../contract/credential';

/** Where the checkout in progress is kept between runs. */
export const checkoutStateFile = (dataDir: string): string => join(dataDir, 'checkout.json');

/**
 * Writes the checkout atomically (temp file, fsync, rename): a restart finds the last state or
 * the one before, never half a file. Returns the error instead of throwing: on a full disk the
 * checkout goes on in memory and the ledger, not this file, is what keeps the money right.
 */
export function saveCheckoutState(dataDir: string, snapshot: CheckoutSnapshot): Error | null {
  const file = checkoutStateFile(dataDir);
  const tmp = `${file}.tmp`;
  try {
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, JSON.stringify(snapshot));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
    return null;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * The checkout the last run left, ready to go on: null when there is none or it is unreadable
 * (then the station starts idle). The customer's clock restarts, since they may have waited
 * through the restart, and the methods are this run's config.
 */
export function loadCheckoutState(
  dataDir: string,
  opts: { now: number; inactivityMs: number; methods: PaymentMethod[] },
): { snapshot: CheckoutSnapshot } | { snapshot: null; problem: string | null } {
  let text: string;
  try {
    text = readFileSync(checkoutStateFile(dataDir), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { snapshot: null, problem: code === 'ENOENT' ? null : String(error) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { snapshot: null, problem: `not JSON: ${String(error)}` };
  }
  const parsed = checkoutSnapshotSchema.safeParse(json);
  if (!parsed.success)
    return { snapshot: null, problem: parsed.error.issues[0]?.message ?? 'invalid' };
  const s = parsed.data;
  if (s.phase === 'idle') return { snapshot: null, problem: null };
  // A method this run no longer offers sends the customer back to the choice.
  const methodGone = s.method !== null && !opts.methods.includes(s.method);
  const waiting = s.phase === 'collecting_credential' && methodGone;
  return {
    snapshot: {
      ...s,
      methods: opts.methods,
      phase: waiting ? 'choosing_method' : s.phase,
      method: waiting ? null : s.method,
      deadline: s.deadline === null ? null : opts.now + opts.inactivityMs,
      updatedAt: opts.now,
    },
  };
}
