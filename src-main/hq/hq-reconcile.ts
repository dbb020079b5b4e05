import { z } from 'zod';
import { parseCsv } from '../lib/csv';
import { reconcileRows, type Reconciliation } from '../ledger/reconcile';
import { parseAlipayBillZip } from '../payments/providers/alipay/alipay-bill';
import { toStatementCsv, type StatementLine } from '../payments/providers/statement-csv';
import { parseWechatBill } from '../payments/providers/wechat/wechat-bill';
import type { HqDb } from './hq-db';

// Merchant-level reconciliation: a provider's daily statement lists every store's payments at
// once (one merchant account for the chain), so HQ, which holds every store's ledger, is where
// it can be checked whole. The providers' parsers and the ledger's matching rule are reused.

/** The statement formats HQ reads: WeChat Pay's downloadbill, Alipay's bill zip, our CSV. */
export const STATEMENT_FORMATS = ['wechat', 'alipay', 'csv'] as const;
export type StatementFormat = (typeof STATEMENT_FORMATS)[number];

/** What is needed to reconcile: which provider's payments, which day, how the file is written. */
export const reconcileQuerySchema = z
  .object({
    provider: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'a provider name such as wechat'),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a YYYY-MM-DD day'),
    format: z.enum(STATEMENT_FORMATS),
  })
  .strict();
export type ReconcileQuery = z.infer<typeof reconcileQuerySchema>;

/** Where a ledger row lives: each difference names the store and station to look at. */
export interface Place {
  storeId: string;
  stationId: string;
}

/** The ledger's reconciliation of the whole chain, with every difference placed and a per-store tally. */
export interface MerchantReconciliation extends Reconciliation {
  provider: string;
  format: StatementFormat;
  /** Statement lines read (payments and refunds). */
  statementLines: number;
  /** Store and station of each id named in a difference (absent: no store knows it). */
  places: Record<string, Place>;
  stores: { storeId: string; payments: number; refunds: number; differences: number }[];
}

/** Reads a statement file into the station's statement CSV; a sentence when it cannot. */
export function readStatement(
  format: StatementFormat,
  body: Uint8Array,
): { ok: true; csv: string; lines: number } | { ok: false; error: string } {
  if (format === 'csv') {
    const csv = new TextDecoder().decode(body);
    const rows = parseCsv(csv);
    if (!rows[0]?.includes('merchant_order_no'))
      return { ok: false, error: 'the CSV has no merchant_order_no header' };
    return { ok: true, csv, lines: rows.length - 1 };
  }
  const parsed: { ok: true; value: StatementLine[] } | { ok: false; error: string } =
    format === 'wechat'
      ? parseWechatBill(new TextDecoder().decode(body))
      : parseAlipayBillZip(body);
  if (!parsed.ok) return { ok: false, error: `${format} statement: ${parsed.error}` };
  return { ok: true, csv: toStatementCsv(parsed.value), lines: parsed.value.length };
}

type Row = { store_id: string; station_id: string; id: string; amount: string; state: string };

/**
 * Reconciles one provider's statement for one day against every store's payments at HQ. A
 * payment counts on the station's local day its final state was reached (its latest outcome),
 * a refund on the day it succeeded: the station's own reconciliation rule, so the two agree.
 */
export async function reconcileMerchant(
  db: HqDb,
  q: ReconcileQuery,
  statementCsv: string,
  statementLines: number,
): Promise<MerchantReconciliation> {
  // An attempt paid on day D and reversed later counts on the later day, as at the station.
  const payments = await db.query<Row>(
    `SELECT store_id, station_id, attempt_id AS id, amount, state FROM (
       SELECT o.*, row_number() OVER (PARTITION BY store_id, station_id, attempt_id ORDER BY at DESC) AS n
       FROM outcomes o WHERE provider = $1 AND day BETWEEN $2::date AND $2::date + 7
     ) x WHERE n = 1 AND day = $2::date AND state IN ('paid', 'reversed')`,
    [q.provider, q.date],
  );
  const refunds = await db.query<Row & { attempt_id: string }>(
    `SELECT store_id, station_id, refund_id AS id, attempt_id, amount, 'succeeded' AS state
     FROM refunds_settled WHERE provider = $1 AND day = $2::date`,
    [q.provider, q.date],
  );
  const places: Record<string, Place> = {};
  const place = (r: Row) => (places[r.id] = { storeId: r.store_id, stationId: r.station_id });
  payments.rows.forEach(place);
  refunds.rows.forEach(place);
  // Statement payments the day does not hold: settled on another day, or unknown to every store.
  const ids = new Set(payments.rows.map((r) => r.id));
  const [header, ...cells] = parseCsv(statementCsv);
  const col = header?.indexOf('merchant_order_no') ?? -1;
  const others = [...new Set(cells.map((c) => c[col] ?? ''))].filter(
    (id) => /^P\d{8}[0-9a-f]{16}$/.test(id) && !ids.has(id),
  );
  const known = new Map<string, { state: string; amount: number }>();
  if (others.length) {
    const r = await db.query<Row>(
      // A window partitioned by the store (not DISTINCT ON): Citus runs it on each shard.
      `SELECT store_id, station_id, id, amount, state FROM (
         SELECT store_id, station_id, attempt_id AS id, amount, state,
           row_number() OVER (PARTITION BY store_id, station_id, attempt_id ORDER BY at DESC) AS n
         FROM outcomes WHERE attempt_id = ANY($1) AND provider = $2
       ) x WHERE n = 1`,
      [others, q.provider],
    );
    for (const row of r.rows) {
      known.set(row.id, { state: row.state, amount: Number(row.amount) });
      place(row);
    }
  }
  const num = <R extends Row>(rows: R[]) => rows.map((r) => ({ ...r, amount: Number(r.amount) }));
  const result = reconcileRows(
    q.date,
    num(payments.rows),
    num(refunds.rows),
    (id) => known.get(id),
    statementCsv,
  );
  const differing = [
    ...result.missingInLedger.map((m) =>
      m.type === 'payment' ? m.merchant_order_no : m.refund_no,
    ),
    ...result.missingInStatement.map((m) => m.id),
    ...result.amountDifferences.map((d) => d.id),
    ...result.statusDifferences.map((d) => d.id),
  ];
  const stores = new Map<string, MerchantReconciliation['stores'][number]>();
  const tally = (storeId: string) => {
    let s = stores.get(storeId);
    if (!s) stores.set(storeId, (s = { storeId, payments: 0, refunds: 0, differences: 0 }));
    return s;
  };
  payments.rows.forEach((r) => tally(r.store_id).payments++);
  refunds.rows.forEach((r) => tally(r.store_id).refunds++);
  for (const id of differing) {
    const p = places[id];
    if (p) tally(p.storeId).differences++;
  }
  return {
    ...result,
    provider: q.provider,
    format: q.format,
    statementLines,
    places: Object.fromEntries(differing.filter((id) => places[id]).map((id) => [id, places[id]!])),
    stores: [...stores.values()].sort((a, b) => a.storeId.localeCompare(b.storeId)),
  };
}

/** Reconciles and keeps the result (one per provider and day; a new statement replaces it). */
export async function reconcileAndStore(
  db: HqDb,
  q: ReconcileQuery,
  body: Uint8Array,
): Promise<{ ok: true; value: MerchantReconciliation } | { ok: false; error: string }> {
  const st = readStatement(q.format, body);
  if (!st.ok) return st;
  const value = await reconcileMerchant(db, q, st.csv, st.lines);
  await db.query(
    `INSERT INTO reconciliations (provider, day, format, balanced, result) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (provider, day) DO UPDATE SET format = $3, balanced = $4, result = $5, reconciled_at = now()`,
    [q.provider, q.date, q.format, value.balanced, JSON.stringify(value)],
  );
  return { ok: true, value };
}

/** The kept reconciliations of a period, newest day first. */
export async function listReconciliations(
  db: HqDb,
  from: string,
  to: string,
): Promise<(MerchantReconciliation & { reconciledAt: string })[]> {
  const r = await db.query<{ result: MerchantReconciliation; reconciled_at: Date }>(
    `SELECT result, reconciled_at FROM reconciliations WHERE day BETWEEN $1 AND $2
     ORDER BY day DESC, provider`,
    [from, to],
  );
  return r.rows.map((x) => ({ ...x.result, reconciledAt: x.reconciled_at.toISOString() }));
}
