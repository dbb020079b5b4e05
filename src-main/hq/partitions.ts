import { connectClient, PARTITIONED_TABLES, type HqDb } from './hq-db';

/**
 * Creates the daily partitions the given days need, once per process: a partition is created in
 * its own short transaction under an advisory lock (two HQ instances may meet the same new day),
 * never inside a batch's transaction, where its lock on the parent would stall every other batch.
 */
export function createPartitioner(db: HqDb): (days: Iterable<string>) => Promise<void> {
  const known = new Set<string>();
  return async (days) => {
    const missing = [...new Set(days)].filter((d) => !known.has(d));
    if (missing.length === 0) return;
    const client = await connectClient(db);
    try {
      for (const day of missing) {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock(7710002)');
        for (const table of PARTITIONED_TABLES) {
          const name = `${table}_p${day.replaceAll('-', '')}`;
          const exists = await client.query('SELECT to_regclass($1) AS r', [name]);
          if (exists.rows[0].r !== null) continue;
          // The day is checked as YYYY-MM-DD by the wire schema; the names are ours.
          await client.query(
            `CREATE TABLE ${name} PARTITION OF ${table} FOR VALUES FROM ('${day}') TO (('${day}'::date + 1))`,
          );
        }
        await client.query('COMMIT');
        known.add(day);
      }
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };
}
