import type pg from 'pg';
import { chainHash, GENESIS } from '../ledger/chain';
import type { StationRef } from './credentials';
import { connectClient, type HqDb } from './hq-db';
import { dayOfId, parseLedgerRow, type LedgerRow } from './ledger-rows';
import type { Batch, BatchReply, ErrorReply, WireEvent } from './wire';

/** A refusal with the HTTP status it is sent with. */
export type Refusal = ErrorReply & { status: number };
export type ApplyResult = { ok: true; value: BatchReply } | { ok: false; error: Refusal };

const refuse = (
  status: number,
  error: string,
  message: string,
  expectedSeq?: number,
): ApplyResult => ({
  ok: false,
  error: { status, error, message, ...(expectedSeq === undefined ? {} : { expectedSeq }) },
});

/** The first event whose hash does not follow from the previous hash and its payload. */
export function firstChainBreak(
  previous: string | null,
  events: readonly WireEvent[],
): WireEvent | null {
  let head = previous ?? GENESIS;
  for (const e of events) {
    if (chainHash(head, e.payload) !== e.hash) return e;
    head = e.hash;
  }
  return null;
}

const FINAL_ATTEMPT = new Set(['paid', 'failed', 'reversed']);
const rowsOf = (rows: LedgerRow[], tbl: string) =>
  rows.filter((r) => r.tbl === tbl).map((r) => r.values);

/** Every day a batch touches: its events' days and the days in the ids its rows point at. */
export function batchDays(batch: Batch, rows: LedgerRow[]): string[] {
  const days = new Set(batch.events.map((e) => e.day));
  for (const r of rows) {
    for (const c of ['id', 'attempt_id', 'refund_id']) {
      const v = r.values[c];
      if (typeof v === 'string' && /^[PR]\d{8}/.test(v)) days.add(dayOfId(v));
    }
  }
  return [...days];
}

/**
 * Applies one station's batch in one transaction: wholly or not at all. Events HQ already holds
 * are skipped (a batch sent twice changes nothing); the rest must continue the station's
 * sequence (else a gap: the reply names the entry HQ needs) and its hash chain.
 */
export async function applyBatch(
  db: HqDb,
  station: StationRef,
  batch: Batch,
  rows: LedgerRow[],
  ensurePartitions: (days: Iterable<string>) => Promise<void>,
): Promise<ApplyResult> {
  await ensurePartitions(batchDays(batch, rows));
  const client = await connectClient(db);
  const args = [station.storeId, station.stationId];
  try {
    await client.query('BEGIN');
    const found = await client.query<{
      status: string;
      last_seq: string;
      last_hash: string | null;
    }>(
      'SELECT status, last_seq, last_hash FROM stations WHERE store_id = $1 AND station_id = $2 FOR UPDATE',
      args,
    );
    const st = found.rows[0];
    if (!st || st.status !== 'active') {
      await client.query('ROLLBACK');
      return refuse(
        403,
        'station_refused',
        `station ${station.storeId}/${station.stationId} is not enrolled or was revoked`,
      );
    }
    const lastSeq = Number(st.last_seq);
    const fresh = batch.events.filter((e) => e.seq > lastSeq);
    const duplicates = batch.events.length - fresh.length;
    if (fresh.length > 0 && fresh[0]!.seq !== lastSeq + 1) {
      await client.query('ROLLBACK');
      return refuse(
        409,
        'gap',
        `HQ holds entries up to ${lastSeq}; send from ${lastSeq + 1}`,
        lastSeq + 1,
      );
    }
    const broken = firstChainBreak(st.last_hash, fresh);
    if (broken) {
      const message = `journal entry ${broken.seq} (${broken.tbl} ${broken.key}) does not follow the chain HQ holds: the station's ledger was changed or replaced`;
      await client.query('ROLLBACK');
      await db.query(
        'UPDATE stations SET chain_problem = $3 WHERE store_id = $1 AND station_id = $2',
        [...args, message],
      );
      return refuse(422, 'chain_broken', message);
    }
    const freshRows = rows.slice(duplicates);
    await insertRows(client, args, fresh, freshRows);
    const last = fresh.at(-1);
    await client.query(
      `UPDATE stations SET last_seq = $3, last_hash = $4, last_sync_at = now(), software_version = $5,
         health = $6 WHERE store_id = $1 AND station_id = $2`,
      [
        ...args,
        last?.seq ?? lastSeq,
        last?.hash ?? st.last_hash,
        batch.version,
        batch.health ?? null,
      ],
    );
    await client.query('COMMIT');
    return {
      ok: true,
      value: { ackedSeq: last?.seq ?? lastSeq, applied: fresh.length, duplicates },
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    if (error instanceof InconsistentBatch) return refuse(422, 'inconsistent', error.message);
    throw error;
  } finally {
    client.release();
  }
}

class InconsistentBatch extends Error {}

type Client = pg.PoolClient;

/** Inserts the raw events and their projections; each table with one statement. */
async function insertRows(client: Client, args: string[], events: WireEvent[], rows: LedgerRow[]) {
  if (events.length === 0) return;
  const json = (v: unknown) => JSON.stringify(v);
  await client.query(
    `INSERT INTO events (store_id, station_id, day, seq, tbl, row_key, payload, hash)
     SELECT $1, $2, e.day, e.seq, e.tbl, e.key, e.payload, e.hash
     FROM jsonb_to_recordset($3::jsonb) AS e(day date, seq bigint, tbl text, key text, payload text, hash text)`,
    [...args, json(events)],
  );
  const attempts = rowsOf(rows, 'attempts').map((a) => ({ ...a, day: dayOfId(a.id as string) }));
  if (attempts.length)
    await client.query(
      `INSERT INTO attempts SELECT $1, $2, a.day, a.id, a.order_id, a.amount, a.currency, a.method,
         a.platform, a.provider, a.shift, a.created_at
       FROM jsonb_to_recordset($3::jsonb) AS a(day date, id text, order_id text, amount bigint,
         currency text, method text, platform text, provider text, shift text, created_at bigint)`,
      [...args, json(attempts)],
    );
  const finals = rowsOf(rows, 'attempt_events')
    .filter((e) => FINAL_ATTEMPT.has(e.state as string))
    .map((e) => ({ ...e, attempt_day: dayOfId(e.attempt_id as string) }));
  if (finals.length) {
    const r = await client.query(
      `INSERT INTO outcomes SELECT $1, $2, e.day, e.attempt_id, e.state, a.amount, a.currency,
         a.method, a.platform, a.provider, e.provider_ref, e.at
       FROM jsonb_to_recordset($3::jsonb) AS e(day date, attempt_id text, attempt_day date,
         state text, provider_ref text, at bigint)
       JOIN attempts a ON a.store_id = $1 AND a.station_id = $2 AND a.day = e.attempt_day
         AND a.attempt_id = e.attempt_id`,
      [...args, json(finals)],
    );
    if (r.rowCount !== finals.length)
      throw new InconsistentBatch('an attempt event names an attempt HQ never received');
  }
  const refunds = rowsOf(rows, 'refunds').map((r) => ({ ...r, day: dayOfId(r.id as string) }));
  if (refunds.length)
    await client.query(
      `INSERT INTO refunds SELECT $1, $2, r.day, r.id, r.attempt_id, r.amount, r.reason, r.created_at
       FROM jsonb_to_recordset($3::jsonb) AS r(day date, id text, attempt_id text, amount bigint,
         reason text, created_at bigint)`,
      [...args, json(refunds)],
    );
  const settled = rowsOf(rows, 'refund_events')
    .filter((e) => e.state === 'succeeded')
    .map((e) => ({ ...e, refund_day: dayOfId(e.refund_id as string) }));
  if (settled.length) {
    const r = await client.query(
      `INSERT INTO refunds_settled SELECT $1, $2, e.day, e.refund_id, r.attempt_id, r.amount,
         a.currency, a.method, a.platform, a.provider, e.at
       FROM jsonb_to_recordset($3::jsonb) AS e(day date, refund_id text, refund_day date, at bigint)
       JOIN refunds r ON r.store_id = $1 AND r.station_id = $2 AND r.day = e.refund_day
         AND r.refund_id = e.refund_id
       JOIN attempts a ON a.store_id = $1 AND a.station_id = $2
         AND a.day = to_date(substr(r.attempt_id, 2, 8), 'YYYYMMDD') AND a.attempt_id = r.attempt_id`,
      [...args, json(settled)],
    );
    if (r.rowCount !== settled.length)
      throw new InconsistentBatch('a refund event names a refund HQ never received');
  }
  await insertShifts(client, args, events, rows);
}

/** Shifts opened and closed (a close on the station's local day it was made: its entry's day). */
async function insertShifts(
  client: Client,
  args: string[],
  events: WireEvent[],
  rows: LedgerRow[],
) {
  const json = (v: unknown) => JSON.stringify(v);
  const shifts = rowsOf(rows, 'shifts');
  if (shifts.length)
    await client.query(
      `INSERT INTO shifts SELECT $1, $2, s.id, s.day, s.cashier_id, s.cashier_name, s.opened_at,
         s.float, s.taken_from
       FROM jsonb_to_recordset($3::jsonb) AS s(id text, day date, cashier_id text,
         cashier_name text, opened_at bigint, float bigint, taken_from text)`,
      [...args, json(shifts)],
    );
  const closes = rows.flatMap((r, i) =>
    r.tbl === 'shift_closes' ? [{ ...r.values, day: events[i]!.day }] : [],
  );
  if (closes.length) {
    const r = await client.query(
      `INSERT INTO shift_closes SELECT $1, $2, c.shift_id, c.day, c.closed_at, c.counted,
         c.handed_to, c.note
       FROM jsonb_to_recordset($3::jsonb) AS c(shift_id text, day date, closed_at bigint,
         counted bigint, handed_to text, note text)
       JOIN shifts s ON s.store_id = $1 AND s.station_id = $2 AND s.shift_id = c.shift_id`,
      [...args, json(closes)],
    );
    if (r.rowCount !== closes.length)
      throw new InconsistentBatch('a shift close names a shift HQ never received');
  }
}

/** Parses every payload of a batch; the first bad one refuses the whole batch. */
export function parseBatchRows(
  batch: Batch,
): { ok: true; rows: LedgerRow[] } | { ok: false; error: Refusal } {
  const rows: LedgerRow[] = [];
  for (const e of batch.events) {
    const r = parseLedgerRow(e);
    if (!r.ok) return { ok: false, error: { status: 400, error: 'malformed', message: r.message } };
    rows.push(r.row);
  }
  return { ok: true, rows };
}
