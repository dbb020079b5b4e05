import { z } from 'zod';
import { CHAINED_TABLES } from '../ledger/chain';
import type { WireEvent } from './wire';

// The station's ledger rows as they arrive in an event's payload: json_array(table, columns…)
// in the order chain.ts fixes. HQ refuses any payload that is not exactly such a row.

const int = z.number().int();
const text = z.string().max(4000);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const attemptId = z.string().regex(/^P\d{8}[0-9a-f]{16}$/, 'an attempt id P<yyyymmdd><16 hex>');
const refundId = z.string().regex(/^R\d{8}[0-9a-f]{16}$/, 'a refund id R<yyyymmdd><16 hex>');
const shiftId = z.string().regex(/^S\d{8}[0-9a-f]{16}$/, 'a shift id S<yyyymmdd><16 hex>');
const cash = int.nonnegative();

const ROWS = {
  orders: z.tuple([z.literal('orders'), text, text, int, text, int]),
  order_lines: z.tuple([
    z.literal('order_lines'),
    text,
    int,
    text,
    text,
    text,
    int.nullable(),
    int,
  ]),
  order_adjustments: z.tuple([z.literal('order_adjustments'), text, int, text, text, int]),
  attempts: z.tuple([
    z.literal('attempts'),
    attemptId,
    text,
    int.positive(),
    text,
    text,
    text.nullable(),
    text,
    text,
    text,
    int,
  ]),
  attempt_events: z.tuple([
    z.literal('attempt_events'),
    int,
    attemptId,
    z.enum([
      'created',
      'sending',
      'user_paying',
      'querying',
      'reversing',
      'paid',
      'failed',
      'reversed',
    ]),
    text.nullable(),
    text.nullable(),
    int,
    day,
  ]),
  refunds: z.tuple([z.literal('refunds'), refundId, attemptId, int.positive(), text, int]),
  refund_events: z.tuple([
    z.literal('refund_events'),
    int,
    refundId,
    z.enum(['requested', 'succeeded', 'failed']),
    text.nullable(),
    int,
    day,
  ]),
  shifts: z.tuple([z.literal('shifts'), shiftId, text, text, int, cash, shiftId.nullable(), day]),
  shift_closes: z.tuple([z.literal('shift_closes'), shiftId, int, cash, text.nullable(), text]),
  refund_shifts: z.tuple([z.literal('refund_shifts'), refundId, shiftId]),
} as const;

/** A parsed row: its table and its columns by name. */
export interface LedgerRow {
  tbl: string;
  values: Record<string, unknown>;
}

/** The day an attempt or refund id carries (P20261120… → 2026-11-20): its partition at HQ. */
export function dayOfId(id: string): string {
  return `${id.slice(1, 5)}-${id.slice(5, 7)}-${id.slice(7, 9)}`;
}

/** Parses one event's payload and checks that its key names the row; a sentence when not. */
export function parseLedgerRow(
  event: WireEvent,
): { ok: true; row: LedgerRow } | { ok: false; message: string } {
  const table = CHAINED_TABLES.find((t) => t.name === event.tbl);
  const schema = ROWS[event.tbl as keyof typeof ROWS];
  if (!table || !schema)
    return { ok: false, message: `event ${event.seq}: unknown table ${event.tbl}` };
  let json: unknown;
  try {
    json = JSON.parse(event.payload);
  } catch {
    return { ok: false, message: `event ${event.seq}: the payload is not JSON` };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      message: `event ${event.seq}: not a ${event.tbl} row (${parsed.error.issues[0]?.message ?? 'invalid'})`,
    };
  const values = Object.fromEntries(table.columns.map((c, i) => [c, parsed.data[i + 1]]));
  const key = JSON.stringify(table.key.map((c) => values[c]));
  let sentKey: string;
  try {
    sentKey = JSON.stringify(JSON.parse(event.key));
  } catch {
    sentKey = '';
  }
  if (key !== sentKey)
    return { ok: false, message: `event ${event.seq}: key ${event.key} does not name its row` };
  return { ok: true, row: { tbl: event.tbl, values } };
}
