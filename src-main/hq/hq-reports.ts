import { z } from 'zod';
import type { HqDb } from './hq-db';
import type { StationHealth } from './wire';

/** Dimensions a chain-wide report can be grouped by. */
export const DIMENSIONS = ['store', 'station', 'day', 'method', 'provider'] as const;
const COLUMN: Record<(typeof DIMENSIONS)[number], string> = {
  store: 'store_id',
  station: 'station_id',
  day: 'day',
  method: 'method',
  provider: 'provider',
};

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a YYYY-MM-DD day');

/** A report request (query string at HQ, options on the CLI). */
export const reportQuerySchema = z
  .object({
    from: day,
    to: day,
    by: z
      .string()
      .default('store,day,method')
      .transform((s) => s.split(',').filter(Boolean))
      .pipe(z.array(z.enum(DIMENSIONS)).min(1)),
    store: z.string().max(32).optional(),
  })
  .strict()
  .refine((q) => q.from <= q.to, { message: 'from must not be after to' });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

/** One group of a report; money in minor units, per currency. */
export interface ReportRow {
  group: Record<string, string>;
  currency: string;
  paid: { count: number; total: number };
  refunded: { count: number; total: number };
  net: number;
  failed: number;
  reversed: number;
}

/**
 * Payments counted on the station's local day they became paid, refunds on the day they
 * succeeded: the same rule as the station's own day report, so the two agree.
 */
export async function chainReport(db: HqDb, q: ReportQuery): Promise<ReportRow[]> {
  const dims = q.by.map((d) => COLUMN[d]);
  const select = dims.map((c) => (c === 'day' ? "to_char(day, 'YYYY-MM-DD') AS day" : c));
  const storeFilter = q.store ? 'AND store_id = $3' : '';
  const args = q.store ? [q.from, q.to, q.store] : [q.from, q.to];
  const r = await db.query(
    `SELECT ${[...select, 'currency'].join(', ')},
       SUM(paid)::int AS paid_count, SUM(paid_amount)::bigint AS paid_total,
       SUM(refunded)::int AS refund_count, SUM(refund_amount)::bigint AS refund_total,
       SUM(failed)::int AS failed, SUM(reversed)::int AS reversed
     FROM (
       SELECT store_id, station_id, day, method, provider, currency,
         (state = 'paid')::int AS paid, CASE WHEN state = 'paid' THEN amount ELSE 0 END AS paid_amount,
         0 AS refunded, 0 AS refund_amount,
         (state = 'failed')::int AS failed, (state = 'reversed')::int AS reversed
       FROM outcomes WHERE day BETWEEN $1 AND $2 ${storeFilter}
       UNION ALL
       SELECT store_id, station_id, day, method, provider, currency, 0, 0, 1, amount, 0, 0
       FROM refunds_settled WHERE day BETWEEN $1 AND $2 ${storeFilter}
     ) x
     GROUP BY ${[...dims, 'currency'].join(', ')} ORDER BY ${[...dims, 'currency'].join(', ')}`,
    args,
  );
  return r.rows.map((row: Record<string, string | number>) => {
    const paid = { count: Number(row.paid_count), total: Number(row.paid_total) };
    const refunded = { count: Number(row.refund_count), total: Number(row.refund_total) };
    return {
      group: Object.fromEntries(q.by.map((d) => [d, String(row[COLUMN[d]])])),
      currency: String(row.currency),
      paid,
      refunded,
      net: paid.total - refunded.total,
      failed: Number(row.failed),
      reversed: Number(row.reversed),
    };
  });
}

/** A station as HQ's list shows it. */
export interface StationListing {
  storeId: string;
  stationId: string;
  status: string;
  lastSeq: number;
  lastSyncAt: string | null;
  version: string | null;
  /** What the station reported with its last push (pending entries, settings applied). */
  health: StationHealth | null;
  chainProblem: string | null;
  /** The store's current settings revision at HQ (0: none set). */
  settingsRevision: number;
  /** One word for the list: what needs a person first. */
  condition: StationCondition;
}

export type StationCondition =
  | 'ok'
  | 'revoked'
  | 'not_enrolled'
  | 'chain_broken'
  | 'settings_refused'
  | 'silent'
  | 'payments_down'
  | 'behind';

/** A station that has not pushed for this long is 'silent' (it pushes every few seconds). */
export const SILENT_AFTER_MS = 15 * 60_000;

/** The list's one word for a station; the first problem that needs a person wins. */
export function stationCondition(
  s: Omit<StationListing, 'condition'>,
  now: number,
): StationCondition {
  if (s.status === 'revoked') return 'revoked';
  if (s.status !== 'active') return 'not_enrolled';
  if (s.chainProblem) return 'chain_broken';
  if (s.health?.settings?.state === 'refused' && s.health.settings.revision === s.settingsRevision)
    return 'settings_refused';
  if (!s.lastSyncAt || now - Date.parse(s.lastSyncAt) > SILENT_AFTER_MS) return 'silent';
  // The station reaches HQ but cannot take payments (payment system unreachable, disk full).
  if (s.health?.payments && !['available', 'connecting'].includes(s.health.payments))
    return 'payments_down';
  if ((s.health?.pending ?? 0) > 0) return 'behind';
  return 'ok';
}

/** Every station with its last sync, software version, health and condition. */
export async function listStations(db: HqDb, now = Date.now()): Promise<StationListing[]> {
  const r = await db.query(
    `SELECT s.store_id, s.station_id, s.status, s.last_seq, s.last_sync_at, s.software_version,
       s.health, s.chain_problem, coalesce(g.revision, 0) AS settings_revision
     FROM stations s LEFT JOIN store_settings g ON g.store_id = s.store_id
     ORDER BY s.store_id, s.station_id`,
  );
  return r.rows.map((s) => {
    const listing = {
      storeId: s.store_id,
      stationId: s.station_id,
      status: s.status,
      lastSeq: Number(s.last_seq),
      lastSyncAt: s.last_sync_at ? new Date(s.last_sync_at).toISOString() : null,
      version: s.software_version,
      health: s.health,
      chainProblem: s.chain_problem,
      settingsRevision: Number(s.settings_revision),
    };
    return { ...listing, condition: stationCondition(listing, now) };
  });
}
