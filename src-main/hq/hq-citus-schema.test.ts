import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateHqDb, openHqDb, type HqDb } from './hq-db';
import { postgresMissing, startPostgres, type TestPostgres } from './test-support/postgres';

// Citus is not installable here (no Debian package), so what makes the schema distributable
// is checked on the migrated schema itself: every primary and unique key holds the
// distribution column, nothing needs a foreign key or a sequence, and the migration that
// distributes the tables names every table.

/** Chain-wide tables Citus replicates to every worker (create_reference_table). */
const REFERENCE_TABLES = ['reconciliations'];
/** The migrations' own bookkeeping, a plain table on the coordinator. */
const LOCAL_TABLES = ['hq_migrations'];

let pg: TestPostgres;
let db: HqDb;
beforeAll(async () => {
  if (postgresMissing) return;
  pg = await startPostgres();
  db = openHqDb(pg.url, 1);
  await migrateHqDb(db);
});
afterAll(async () => {
  await db?.end();
  pg?.stop();
});

describe.skipIf(postgresMissing)('HQ schema stays distributable by store (Citus)', () => {
  it('every primary and unique key holds store_id; no foreign keys, no sequences', async () => {
    const keys = await db.query<{ tbl: string; idx: string; cols: string[] }>(
      `SELECT c.relname AS tbl, i.relname AS idx,
         array(SELECT a.attname FROM unnest(x.indkey) k JOIN pg_attribute a
               ON a.attrelid = c.oid AND a.attnum = k)::text[] AS cols
       FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND x.indisunique AND NOT c.relispartition`,
    );
    const distributed = keys.rows.filter(
      (k) => ![...REFERENCE_TABLES, ...LOCAL_TABLES].includes(k.tbl),
    );
    expect(distributed.length).toBeGreaterThan(8);
    for (const k of distributed) expect(k.cols, `${k.tbl} ${k.idx}`).toContain('store_id');
    const fks = await db.query(
      `SELECT conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
       WHERE n.nspname = 'public' AND contype = 'f'`,
    );
    expect(fks.rows).toEqual([]);
    const seqs = await db.query(`SELECT relname FROM pg_class WHERE relkind = 'S'`);
    expect(seqs.rows).toEqual([]);
  });

  it('the Citus migrations distribute every table by store_id or make it a reference table', async () => {
    const dir = join(import.meta.dirname, 'migrations');
    const sql = readdirSync(dir)
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    const tables = await db.query<{ relname: string }>(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition`,
    );
    for (const { relname } of tables.rows) {
      if (LOCAL_TABLES.includes(relname)) continue;
      const how = REFERENCE_TABLES.includes(relname)
        ? `create_reference_table('${relname}')`
        : `create_distributed_table('${relname}', 'store_id'`;
      expect(sql, relname).toContain(how);
    }
  });
});
