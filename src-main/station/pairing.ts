import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import {
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  unwatchFile,
  watchFile,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import type { PairedDisplay } from '../contract/commands';
import { fail, failBecause, ok, type Result } from '../contract/result';
import { createFailureLimiter } from './failure-limiter';

const CODE_LIFETIME_MS = 2 * 60_000;
/**
 * Wrong codes allowed per client and per minute, and for everyone together: at the ceiling a
 * code (10^6 possibilities, two minutes' life) sees at most ~60 guesses.
 */
const CLIENT_FAILURES = 5;
const GLOBAL_FAILURES = 30;
const FAILURE_WINDOW_MS = 60_000;
/** How often the running station looks for revocations made by `countersign displays`. */
const WATCH_INTERVAL_MS = 1000;

interface StoredDevice {
  name: string;
  tokenHash: string;
  pairedAt: number;
}

export interface PairingRegistry {
  /** A fresh one-time code; any earlier unused code stops working. */
  createCode(): { code: string; expiresAt: number };
  /** Exchanges a code for a long-lived device token (only its hash is stored). */
  redeem(code: string, deviceName: string, client: string): Result<string>;
  /** The id of the paired display holding `token`, or null. */
  identify(token: string): string | null;
  /** Whether a token belongs to a paired customer display. */
  isPaired(token: string): boolean;
  devices(): PairedDisplay[];
  /** Unpairs a display; its token is refused from now on. */
  revoke(id: string): Result<PairedDisplay[]>;
  /** Called with the ids of displays revoked here or in the file (by the CLI). */
  onRevoked(listener: (ids: string[]) => void): () => void;
  close(): void;
}

/** Where a station keeps its paired displays; the CLI edits the same file. */
export function pairedDisplaysFile(dataDir: string): string {
  return join(dataDir, 'paired-displays.json');
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
// The id is a prefix of the token's hash: stable for files written before ids existed.
const idOf = (d: StoredDevice) => d.tokenHash.slice(0, 12);

function readDevices(file: string): StoredDevice[] {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return Array.isArray(parsed)
      ? parsed.filter(
          (d): d is StoredDevice =>
            typeof d?.tokenHash === 'string' && /^[0-9a-f]{64}$/.test(d.tokenHash),
        )
      : [];
  } catch {
    return [];
  }
}

/**
 * One-time pairing codes for customer displays on other devices. Paired devices are kept in a
 * JSON file so a tablet stays paired across restarts, and re-read when it changes so a revocation
 * from the CLI takes effect on a running station; wrong codes are rate-limited per client.
 */
export function createPairingRegistry(
  file: string | null,
  now: () => number = Date.now,
): PairingRegistry {
  let devices: StoredDevice[] = file ? readDevices(file) : [];
  let seen = file ? stamp(file) : '';
  let current: { code: string; expiresAt: number } | null = null;
  const limiter = createFailureLimiter({
    perClient: CLIENT_FAILURES,
    global: GLOBAL_FAILURES,
    windowMs: FAILURE_WINDOW_MS,
    now,
  });
  const listeners = new Set<(ids: string[]) => void>();

  function stamp(f: string): string {
    try {
      const s = statSync(f);
      return `${s.mtimeMs}:${s.size}:${s.ino}`;
    } catch {
      return 'absent';
    }
  }
  const emit = (ids: string[]) => {
    if (ids.length > 0) for (const l of listeners) l(ids);
  };
  /** Picks up edits made by another process; announces the displays they removed. */
  const refresh = () => {
    if (!file || stamp(file) === seen) return;
    seen = stamp(file);
    const next = readDevices(file);
    const kept = new Set(next.map(idOf));
    const gone = devices.map(idOf).filter((id) => !kept.has(id));
    devices = next;
    emit(gone);
  };
  const persist = () => {
    if (!file) return;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify(devices, null, 2));
    renameSync(`${file}.tmp`, file);
    seen = stamp(file);
  };
  const list = (): PairedDisplay[] =>
    devices.map((d) => ({ id: idOf(d), name: d.name, pairedAt: d.pairedAt }));
  function identify(token: string): string | null {
    refresh();
    const h = hash(token);
    const found = devices.find((d) => d.tokenHash === h);
    return found ? idOf(found) : null;
  }
  if (file) watchFile(file, { interval: WATCH_INTERVAL_MS, persistent: false }, refresh);

  return {
    createCode() {
      current = {
        code: String(randomInt(0, 1_000_000)).padStart(6, '0'),
        expiresAt: now() + CODE_LIFETIME_MS,
      };
      return current;
    },
    redeem(code, deviceName, client) {
      const limited = limiter.check(client);
      if (limited) {
        return fail(
          'forbidden',
          limited === 'client'
            ? 'Too many wrong pairing codes from this device; wait a minute and ask the cashier for a new code'
            : 'Too many wrong pairing codes at this station; wait a minute and ask the cashier for a new code',
        );
      }
      const valid =
        current !== null &&
        now() <= current.expiresAt &&
        code.length === current.code.length &&
        timingSafeEqual(Buffer.from(code), Buffer.from(current.code));
      if (!valid) {
        limiter.record(client);
        const expired = current !== null && code === current.code;
        return fail(
          'not_paired',
          expired
            ? 'That pairing code has expired; ask the cashier for a new one'
            : 'That pairing code is not right; check the cashier screen',
        );
      }
      current = null;
      const token = randomBytes(32).toString('base64url');
      refresh(); // never write back a display the CLI revoked meanwhile
      devices.push({ name: deviceName, tokenHash: hash(token), pairedAt: now() });
      persist();
      return ok(token);
    },
    identify,
    isPaired: (token) => identify(token) !== null,
    devices() {
      refresh();
      return list();
    },
    revoke(id) {
      refresh();
      const gone = devices.filter((d) => idOf(d) === id);
      if (gone.length === 0)
        return failBecause(
          'invalid_input',
          'no_such_display',
          `No paired display has the id '${id}'`,
        );
      devices = devices.filter((d) => idOf(d) !== id);
      persist();
      emit([id]);
      return ok(list());
    },
    onRevoked(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      if (file) unwatchFile(file, refresh);
    },
  };
}
