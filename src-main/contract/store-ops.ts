import { z } from 'zod';
import { attemptStateSchema, daySchema } from './payments';

/** The receipt printer as the device panel shows it. */
export const printerStatusSchema = z
  .object({
    enabled: z.boolean(),
    connection: z.string().nullable(),
    state: z.enum(['disabled', 'unknown', 'ready', 'printing', 'offline', 'paper_out']),
    paper: z.enum(['ok', 'near_end', 'out', 'unknown']),
    lastError: z.string().nullable(),
    lastPrintedAt: z.number().nullable(),
    lastCheckedAt: z.number().nullable(),
    queued: z.number().int(),
  })
  .strict();
export type PrinterStatusView = z.infer<typeof printerStatusSchema>;

/** The voice that says amounts, as the device panel shows it. */
export const speakerStatusSchema = z
  .object({
    enabled: z.boolean(),
    engine: z.enum(['sapi', 'say', 'espeak-ng']).nullable(),
    lastError: z.string().nullable(),
    lastSpokenAt: z.number().nullable(),
    lastText: z.string().nullable(),
  })
  .strict();

/** Printer and voice together: the store-operations rows of the device panel. */
export const storeDevicesSchema = z
  .object({ printer: printerStatusSchema, voice: speakerStatusSchema })
  .strict();
export type StoreDevicesView = z.infer<typeof storeDevicesSchema>;

/** Sales by item for a day: name, quantity (decimal string), amount in minor units, orders. */
export const itemReportSchema = z
  .object({
    date: daySchema,
    currencies: z.array(z.string()),
    orders: z.number().int(),
    items: z.array(
      z
        .object({
          name: z.string(),
          quantity: z.string(),
          amount: z.number().int(),
          orders: z.number().int(),
        })
        .strict(),
    ),
    csv: z.string(),
  })
  .strict();
export type ItemReportView = z.infer<typeof itemReportSchema>;

/** What to print again: a payment's receipt, or a refund's. */
export const reprintSchema = z
  .object({
    attemptId: z.string().min(1).max(64),
    refundId: z.string().min(1).max(64).optional(),
  })
  .strict();

/** Sales by item for one shift (the orders its payments completed). */
export const shiftItemReportSchema = itemReportSchema
  .omit({ date: true })
  .extend({ shiftId: z.string() })
  .strict();

/** The pole-display tap (the legacy POS's serial stream to its customer display). */
export const poleStatusSchema = z
  .object({
    enabled: z.boolean(),
    port: z.string().nullable(),
    protocol: z.string().nullable(),
    state: z.enum(['disabled', 'opening', 'open', 'failed']),
    lastError: z.string().nullable(),
    lastAmountAt: z.number().nullable(),
    lastCheckedAt: z.number().nullable(),
  })
  .strict();
export type PoleStatusView = z.infer<typeof poleStatusSchema>;

/** The screen-capture back-end and its last grab of the calibrated region. */
export const captureStatusSchema = z
  .object({
    /** The configured choice ('auto', 'native', …) and the back-end it resolved to. */
    choice: z.string(),
    backend: z.string().nullable(),
    state: z.enum(['no_region', 'unknown', 'ok', 'failed']),
    lastCaptureAt: z.number().nullable(),
    lastWidth: z.number().int().nullable(),
    lastHeight: z.number().int().nullable(),
    lastMs: z.number().nullable(),
    lastError: z.string().nullable(),
  })
  .strict();
export type CaptureStatusView = z.infer<typeof captureStatusSchema>;

/** The order sources of the device panel: pole-display tap and screen capture. */
export const captureDevicesSchema = z
  .object({ pole: poleStatusSchema, capture: captureStatusSchema })
  .strict();
export type CaptureDevicesView = z.infer<typeof captureDevicesSchema>;

/** A configured real payment provider (WeChat Pay, Alipay) as the device panel shows it. */
export const providerStatusSchema = z
  .object({
    name: z.enum(['wechat', 'alipay']),
    url: z.string(),
    /** Some payment platform routes to it (config payments.routing). */
    routed: z.boolean(),
    /** 'loaded', or why its credential files did not load (file names, never contents). */
    credentials: z.string(),
    /** Ours minus the provider host's clock (ms), once checked. */
    clockSkewMs: z.number().nullable(),
    lastError: z.string().nullable(),
    lastCheckedAt: z.number().nullable(),
    /** The newest payment attempt sent to it: when, its state, and the reason it failed. */
    lastCall: z
      .object({ at: z.number(), state: attemptStateSchema, reason: z.string().nullable() })
      .strict()
      .nullable(),
  })
  .strict();
export type ProviderStatusView = z.infer<typeof providerStatusSchema>;

/** What the customer display says of its camera when the face screen asks for it. */
export const cameraReportSchema = z
  .object({
    state: z.enum(['live', 'insecure', 'unavailable']),
    /** The browser's error name (NotAllowedError, NotFoundError, NotReadableError…). */
    error: z.string().max(200).nullable(),
  })
  .strict();
export type CameraReport = z.infer<typeof cameraReportSchema>;

/** The display's last camera report, with when the station got it (null: none yet). */
export const cameraStatusSchema = z
  .object({ report: cameraReportSchema.extend({ at: z.number() }).strict().nullable() })
  .strict();
export type CameraStatusView = z.infer<typeof cameraStatusSchema>;
