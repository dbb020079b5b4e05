import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fail, ok, type Result } from '../contract/result';

const CODE_LIFETIME_MS = 2 * 60_000;
/** Wrong codes allowed per window before pairing is refused for a while (10^6 codes vs guessing). */
const MAX_FAILURES = 5;
const FAILURE_WINDOW_MS = 60_000;

interface PairedDevice {
  name: string;
  tokenHash: string;
  pairedAt: number;
}

export interface PairingRegistry {
  /** A fresh one-time code; any earlier unused code stops working. */
  createCode(): { code: string; expiresAt: number };
  /** Exchanges a code for a long-lived device token (only its hash is stored). */
  redeem(code: string, deviceName: string): Result<string>;
  /** Whether a token belongs to a paired customer display. */
  isPaired(token: string): boolean;
  devices(): { name: string; pairedAt: number }[];
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * One-time pairing codes for customer displays on other devices. Paired devices are kept in a
 * JSON file so a tablet stays paired across restarts; wrong codes are rate-limited.
 */
export function createPairingRegistry(
  file: string | null,
  now: () => number = Date.now,
): PairingRegistry {
  let devices: PairedDevice[] = [];
  if (file) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (Array.isArray(parsed))
        devices = parsed.filter((d): d is PairedDevice => typeof d?.tokenHash === 'string');
    } catch {
      devices = [];
    }
  }
  let current: { code: string; expiresAt: number } | null = null;
  let failures: number[] = [];

  const persist = () => {
    if (!file) return;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify(devices, null, 2));
    renameSync(`${file}.tmp`, file);
  };

  return {
    createCode() {
      current = {
        code: String(randomInt(0, 1_000_000)).padStart(6, '0'),
        expiresAt: now() + CODE_LIFETIME_MS,
      };
      return current;
    },
    redeem(code, deviceName) {
      failures = failures.filter((t) => now() - t < FAILURE_WINDOW_MS);
      if (failures.length >= MAX_FAILURES) {
        return fail(
          'forbidden',
          'Too many wrong pairing codes; wait a minute and ask the cashier for a new code',
        );
      }
      const valid =
        current !== null &&
        now() <= current.expiresAt &&
        code.length === current.code.length &&
        timingSafeEqual(Buffer.from(code), Buffer.from(current.code));
      if (!valid) {
        failures.push(now());
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
      devices.push({ name: deviceName, tokenHash: hash(token), pairedAt: now() });
      persist();
      return ok(token);
    },
    isPaired(token) {
      const h = hash(token);
      return devices.some((d) => d.tokenHash === h);
    },
    devices: () => devices.map(({ name, pairedAt }) => ({ name, pairedAt })),
  };
}
