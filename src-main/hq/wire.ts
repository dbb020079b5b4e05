import { z } from 'zod';
import { CHAINED_TABLES } from '../ledger/chain';

// The station ↔ HQ wire: the only thing the two programs share besides the chain's hash rule.

/** Store and station ids: short, URL- and code-safe. */
export const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/, 'letters, digits, - and _, at most 32');

const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a YYYY-MM-DD day');

/** Most events one batch may carry; the station sends at most this many. */
export const MAX_BATCH_EVENTS = 1000;
/** Largest request body HQ reads (bytes); larger ones are refused unread. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** One outbox entry as sent: a ledger row, its journal position and hash. */
export const eventSchema = z
  .object({
    seq: z.number().int().min(1),
    tbl: z.enum(CHAINED_TABLES.map((t) => t.name) as [string, ...string[]]),
    key: z.string().min(2).max(200),
    payload: z.string().max(16_384),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    day: daySchema,
  })
  .strict();
export type WireEvent = z.infer<typeof eventSchema>;

/** What became of the last settings HQ pushed, as the station reports it. */
export const settingsStateSchema = z
  .object({
    revision: z.number().int().min(0),
    state: z.enum(['applied', 'refused']),
    message: z.string().max(2000),
    at: z.number().int(),
  })
  .strict();
export type SettingsState = z.infer<typeof settingsStateSchema>;

/** What a station reports about itself with every batch (shown in HQ's station list). */
export const healthSchema = z
  .object({
    pending: z.number().int().min(0),
    oldestPendingDay: daySchema.nullable(),
    payments: z.string().max(200).optional(),
    settings: settingsStateSchema.optional(),
  })
  .strict();
export type StationHealth = z.infer<typeof healthSchema>;

/** POST /v1/batches: the next events of one station, in journal order. */
export const batchSchema = z
  .object({
    storeId: idSchema,
    stationId: idSchema,
    version: z.string().max(40),
    health: healthSchema.optional(),
    events: z.array(eventSchema).max(MAX_BATCH_EVENTS),
  })
  .strict()
  .refine((b) => b.events.every((e, i) => i === 0 || e.seq === b.events[i - 1]!.seq + 1), {
    message: 'events must have consecutive sequence numbers',
    path: ['events'],
  });
export type Batch = z.infer<typeof batchSchema>;

/** HQ's answer to a batch: what it now holds of this station (the station drops up to ackedSeq). */
export const batchReplySchema = z.object({
  ackedSeq: z.number().int().min(0),
  applied: z.number().int().min(0),
  duplicates: z.number().int().min(0),
  /** Settings newer than the revision the station reported: it applies them (hq-settings.ts). */
  settings: z
    .object({ revision: z.number().int().min(1), settings: z.record(z.string(), z.unknown()) })
    .optional(),
});
export type BatchReply = z.infer<typeof batchReplySchema>;

/** Every refusal: a code, a sentence, and for a gap the entry HQ needs next. */
export const errorReplySchema = z.object({
  error: z.string(),
  message: z.string(),
  expectedSeq: z.number().int().optional(),
});
export type ErrorReply = z.infer<typeof errorReplySchema>;

/** POST /v1/enrol: a one-time code from HQ's admin, exchanged for the station's credential. */
export const enrolSchema = z
  .object({ code: z.string().min(10).max(120), version: z.string().max(40) })
  .strict();

export const enrolReplySchema = z.object({
  storeId: idSchema,
  stationId: idSchema,
  /** `<storeId>/<stationId>.<secret>`, sent as a bearer token; HQ keeps only its hash. */
  credential: z.string().min(20),
});
export type EnrolReply = z.infer<typeof enrolReplySchema>;
