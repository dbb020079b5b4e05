import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';

/** A cashier as others see them: never the PIN or its hash. */
export interface Cashier {
  id: string;
  name: string;
  role: 'cashier' | 'manager';
}

const storedSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1).max(40),
    role: z.enum(['cashier', 'manager']),
    /** scrypt: salt and key, hex. */
    salt: z.string(),
    pinHash: z.string(),
    createdAt: z.number(),
  })
  .strict();
type Stored = z.infer<typeof storedSchema>;

/** PINs are 4 to 8 digits, as on a shop's keypad. */
export const pinSchema = z.string().regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits');

export type CashierError = { code: 'invalid' | 'forbidden' | 'exists'; message: string };
type R<T> = { ok: true; value: T } | { ok: false; error: CashierError };

/** Where a station keeps its cashiers (names, roles, PIN hashes). */
export function cashiersFile(dataDir: string): string {
  return join(dataDir, 'cashiers.json');
}

const hashPin = (pin: string, salt: string) => scryptSync(pin, salt, 32).toString('hex');

/**
 * The station's cashiers: names and PINs, managed by a manager. The first one added becomes the
 * manager (a new station has nobody to ask); after that only a manager adds people. Only scrypt
 * hashes of PINs are stored. The file is replaced atomically, so a crash never leaves half.
 */
export function createCashierStore(file: string) {
  const read = (): Stored[] => {
    try {
      return z.array(storedSchema).parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new Error(`${file} is not a valid cashiers file: ${(error as Error).message}`, {
        cause: error,
      });
    }
  };
  const write = (all: Stored[]) => {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify(all, null, 2), { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  };
  const pub = (s: Stored): Cashier => ({ id: s.id, name: s.name, role: s.role });
  const check = (s: Stored, pin: string) =>
    timingSafeEqual(Buffer.from(hashPin(pin, s.salt), 'hex'), Buffer.from(s.pinHash, 'hex'));

  /** The cashier whose id and PIN match, or null (a wrong PIN and an unknown id look alike). */
  const verify = (id: string, pin: string): Cashier | null => {
    const s = read().find((c) => c.id === id);
    return s && pinSchema.safeParse(pin).success && check(s, pin) ? pub(s) : null;
  };

  return {
    list: (): Cashier[] => read().map(pub),
    verify,
    /** Adds a cashier; `by` must be a manager's id and PIN unless nobody exists yet. */
    add(
      input: { name: string; pin: string; role: 'cashier' | 'manager' },
      by: { id: string; pin: string } | null,
      now = Date.now(),
    ): R<Cashier> {
      const all = read();
      const name = input.name.trim();
      if (!name || name.length > 40)
        return { ok: false, error: { code: 'invalid', message: 'a name of 1 to 40 characters' } };
      if (!pinSchema.safeParse(input.pin).success)
        return { ok: false, error: { code: 'invalid', message: 'a PIN is 4 to 8 digits' } };
      if (all.length > 0) {
        const manager = by ? verify(by.id, by.pin) : null;
        if (manager?.role !== 'manager')
          return {
            ok: false,
            error: {
              code: 'forbidden',
              message: "a store manager's PIN is needed to add a cashier",
            },
          };
      }
      if (all.some((c) => c.name === name))
        return { ok: false, error: { code: 'exists', message: `${name} is already a cashier` } };
      const salt = randomBytes(16).toString('hex');
      const stored: Stored = {
        id: `C${randomBytes(4).toString('hex')}`,
        name,
        role: all.length === 0 ? 'manager' : input.role,
        salt,
        pinHash: hashPin(input.pin, salt),
        createdAt: now,
      };
      write([...all, stored]);
      return { ok: true, value: pub(stored) };
    },
  };
}

export type CashierStore = ReturnType<typeof createCashierStore>;
