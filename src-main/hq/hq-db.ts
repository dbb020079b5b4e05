import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

/** HQ's connection pool; every HQ instance holds one and nothing else (HQ is stateless). */
export type HqDb = pg.Pool;

const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations');
/** Tables partitioned by day; partitions.ts creates their daily partitions. */
export const PARTITIONED_TABLES = [
  'events',
  'attempts',
  'outcomes',
  'refunds',
  'refunds_settled',
] as const;

/** A pool over the PostgreSQL database at `url`. */
export function openHqDb(url: string, max = 10): HqDb {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5_000 });
  // An idle client whose server went away must not crash the process; the next query retries.
  pool.on('error', () => {});
  return pool;
}

/**
 * Applies the numbered SQL files in migrations/ not yet recorded in hq_migrations, each in its
 * own transaction, under an advisory lock so HQ instances starting together apply each once.
 */
export async function migrateHqDb(db: HqDb): Promise<string[]> {
  const client = await connectClient(db);
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock(7710001)');
    await client.query(
      'CREATE TABLE IF NOT EXISTS hq_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await client.query<{ name: string }>('SELECT name FROM hq_migrations')).rows.map(
        (r) => r.name,
      ),
    );
    const files = readdirSync(MIGRATIONS_DIR)
      .filter((f) => /^\d{3}-.*\.sql$/.test(f))
      .sort();
    for (const f of files.filter((x) => !done.has(x))) {
      await client.query('BEGIN');
      try {
        await client.query(readFileSync(join(MIGRATIONS_DIR, f), 'utf8'));
        await client.query('INSERT INTO hq_migrations (name) VALUES ($1)', [f]);
        await client.query('COMMIT');
        applied.push(f);
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`HQ migration ${f} failed: ${(error as Error).message}`, {
          cause: error,
        });
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(7710001)').catch(() => {});
    client.release();
  }
  return applied;
}

/**
 * A pooled client for a transaction. A server that dies mid-transaction makes the client emit
 * 'error' besides failing the query; without a listener that would end the HQ process. The
 * failed query is what callers act on, and the pool drops the dead client on release.
 */
export async function connectClient(db: HqDb): Promise<pg.PoolClient> {
  const client = await db.connect();
  if (client.listenerCount('error') === 0) client.on('error', () => {});
  return client;
}
