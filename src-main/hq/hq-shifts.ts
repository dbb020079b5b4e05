import { z } from 'zod';
import type { HqDb } from './hq-db';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a YYYY-MM-DD day');

/** GET /v1/shifts: the shifts opened in a period, across the chain or for one store. */
export const shiftsQuerySchema = z
  .object({ from: day, to: day, store: z.string().max(32).optional() })
  .strict()
  .refine((q) => q.from <= q.to, { message: 'from must not be after to' });
export type ShiftsQuery = z.infer<typeof shiftsQuerySchema>;

/** One cashier's shift as HQ holds it; money in minor units. */
export interface ShiftListing {
  storeId: string;
  stationId: string;
  /** The station's local day the shift opened. */
  day: string;
  shiftId: string;
  cashierName: string;
  openedAt: number;
  float: number;
  /** The shift it took the drawer over from, null for the first. */
  takenFrom: string | null;
  closedAt: number | null;
  counted: number | null;
  /** Counted minus float, once closed: what the drawer is over (+) or short (−). */
  difference: number | null;
  handedTo: string | null;
  note: string | null;
  /** Payments paid in this shift (attempts carry their shift) and their total. */
  paid: { count: number; total: number };
}

/**
 * The shifts opened from `from` to `to`, by store, station, day and opening time, with their
 * close and the payments paid in them. A shift's payments are looked up on its day and the
 * next (a night shift crosses midnight), so the query stays within two daily partitions.
 */
export async function listShifts(db: HqDb, q: ShiftsQuery): Promise<ShiftListing[]> {
  const storeFilter = q.store ? 'AND s.store_id = $3' : '';
  const args = q.store ? [q.from, q.to, q.store] : [q.from, q.to];
  const r = await db.query(
    `SELECT s.store_id, s.station_id, to_char(s.day, 'YYYY-MM-DD') AS day, s.shift_id,
       s.cashier_name, s.opened_at, s.float, s.taken_from, c.closed_at, c.counted, c.handed_to,
       c.note, coalesce(p.n, 0) AS paid_count, coalesce(p.total, 0) AS paid_total
     FROM shifts s
     LEFT JOIN shift_closes c ON c.store_id = s.store_id AND c.station_id = s.station_id
       AND c.shift_id = s.shift_id
     LEFT JOIN LATERAL (
       SELECT count(*) AS n, sum(o.amount) AS total FROM attempts a
       JOIN outcomes o ON o.store_id = a.store_id AND o.station_id = a.station_id
         AND o.day BETWEEN a.day AND a.day + 1 AND o.attempt_id = a.attempt_id AND o.state = 'paid'
       WHERE a.store_id = s.store_id AND a.station_id = s.station_id AND a.shift = s.shift_id
         AND a.day BETWEEN s.day AND s.day + 1
     ) p ON true
     WHERE s.day BETWEEN $1 AND $2 ${storeFilter}
     ORDER BY s.store_id, s.station_id, s.day, s.opened_at`,
    args,
  );
  return r.rows.map((s) => {
    const counted = s.counted === null ? null : Number(s.counted);
    return {
      storeId: s.store_id,
      stationId: s.station_id,
      day: s.day,
      shiftId: s.shift_id,
      cashierName: s.cashier_name,
      openedAt: Number(s.opened_at),
      float: Number(s.float),
      takenFrom: s.taken_from,
      closedAt: s.closed_at === null ? null : Number(s.closed_at),
      counted,
      difference: counted === null ? null : counted - Number(s.float),
      handedTo: s.handed_to,
      note: s.note,
      paid: { count: Number(s.paid_count), total: Number(s.paid_total) },
    };
  });
}
