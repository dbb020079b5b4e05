import type Database from 'better-sqlite3';
import { FACE_DESCRIPTOR_LENGTH } from '../src-main/contract/face-credential';

/**
 * Match rule of the sandbox's face payment (documented in docs/payment-api.md):
 * - similarity is the cosine of the two descriptors (faceres: the same person scores 0.72–0.86
 *   on the package's sample photos, different people 0.29–0.66);
 * - a face matches an account at MATCH_THRESHOLD or above;
 * - when another account also matches within CLOSE_MARGIN of the best, the face alone does not
 *   decide: the customer confirms with the last 4 digits of the phone number.
 */
export const FACE_MATCH = { threshold: 0.7, closeMargin: 0.04 } as const;

const SCHEMA = `CREATE TABLE IF NOT EXISTS face_enrolments (
  account_id TEXT PRIMARY KEY, phone TEXT NOT NULL, descriptor BLOB NOT NULL,
  enrolled_at INTEGER NOT NULL
) STRICT`;

export type FaceMatch =
  | { kind: 'matched'; accountId: string; similarity: number }
  | { kind: 'confirm_phone'; candidates: number }
  | { kind: 'not_recognised'; best: number };

/** The enrolled faces as one matrix of unit vectors, reloaded when any connection wrote. */
export interface FaceIndex {
  enrol(accountId: string, phone: string, descriptor: readonly number[], now: number): void;
  match(descriptor: readonly number[], phoneLast4?: string): FaceMatch;
  size(): number;
}

/** Scales to length 1, so a dot product is the cosine; null for an all-zero vector. */
function unit(v: readonly number[]): Float32Array | null {
  let n = 0;
  for (const x of v) n += x * x;
  if (n === 0) return null;
  const s = 1 / Math.sqrt(n);
  return Float32Array.from(v, (x) => x * s);
}

const open = new WeakMap<Database.Database, FaceIndex>();

/** The one face index of a sandbox database. */
export function faceIndexOf(db: Database.Database): FaceIndex {
  let index = open.get(db);
  if (!index) open.set(db, (index = openFaceIndex(db)));
  return index;
}

/** Opens the face enrolments of the sandbox database (creating the table on first use). */
export function openFaceIndex(db: Database.Database): FaceIndex {
  db.exec(SCHEMA);
  let loadedAt = -1;
  let ids: string[] = [];
  let phones: string[] = [];
  let matrix = new Float32Array(0);

  // `countersign face enrol` writes from another process: data_version tells us to reload.
  const refresh = () => {
    const version = db.pragma('data_version', { simple: true }) as number;
    if (version === loadedAt) return;
    const rows = db
      .prepare('SELECT account_id, phone, descriptor FROM face_enrolments ORDER BY account_id')
      .all() as { account_id: string; phone: string; descriptor: Buffer }[];
    matrix = new Float32Array(rows.length * FACE_DESCRIPTOR_LENGTH);
    rows.forEach((r, i) => {
      const f = new Float32Array(
        r.descriptor.buffer,
        r.descriptor.byteOffset,
        r.descriptor.length / 4,
      );
      matrix.set(f, i * FACE_DESCRIPTOR_LENGTH);
    });
    ids = rows.map((r) => r.account_id);
    phones = rows.map((r) => r.phone);
    loadedAt = version;
  };
  return {
    enrol(accountId, phone, descriptor, now) {
      const u = unit(descriptor);
      if (!u) throw new Error('an all-zero descriptor cannot be enrolled');
      db.prepare(
        `INSERT INTO face_enrolments VALUES (?, ?, ?, ?) ON CONFLICT(account_id) DO UPDATE SET
           phone = excluded.phone, descriptor = excluded.descriptor, enrolled_at = excluded.enrolled_at`,
      ).run(accountId, phone, Buffer.from(u.buffer), now);
      // Our own write does not change data_version for this connection.
      loadedAt = -1;
    },
    match(descriptor, phoneLast4) {
      refresh();
      const q = unit(descriptor);
      if (!q) return { kind: 'not_recognised', best: 0 };
      const scores: { i: number; s: number }[] = [];
      let best = -1;
      for (let i = 0; i < ids.length; i++) {
        let s = 0;
        const o = i * FACE_DESCRIPTOR_LENGTH;
        for (let k = 0; k < FACE_DESCRIPTOR_LENGTH; k++) s += q[k]! * matrix[o + k]!;
        if (s > best) best = s;
        if (s >= FACE_MATCH.threshold) scores.push({ i, s });
      }
      const close = scores.filter((c) => c.s >= best - FACE_MATCH.closeMargin);
      const pool = phoneLast4 ? close.filter((c) => phones[c.i]!.endsWith(phoneLast4)) : close;
      if (pool.length === 0) return { kind: 'not_recognised', best: Math.max(best, 0) };
      if (pool.length > 1) return { kind: 'confirm_phone', candidates: pool.length };
      return { kind: 'matched', accountId: ids[pool[0]!.i]!, similarity: pool[0]!.s };
    },
    size() {
      refresh();
      return ids.length;
    },
  };
}
