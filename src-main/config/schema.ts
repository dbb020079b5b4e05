import { z } from 'zod';
import { ledgerConfigSchema } from '../ledger/config';
import { paymentsConfigSchema } from '../payments/config';
import { providersConfigSchema } from '../payments/providers/provider-config';
import { paymentMethodSchema } from '../contract/credential';
import { devicesConfigSchema } from '../devices/config';
import { captureConfigSchema } from '../capture/config';
import { ocrConfigSchema } from '../ocr/config';
import { poleConfigSchema } from '../devices/pole-display/config';
import { printerConfigSchema } from '../printer/config';
import { voiceConfigSchema } from '../voice/config';

/** True for a locale tag this runtime formats numbers for ("de-DE", not "german"). */
function isNumberLocale(tag: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag]).length === 1;
  } catch {
    return false;
  }
}

/** Languages the windows ship with. */
export const languageSchema = z.enum(['en', 'zh-CN']);

const storeSchema = z
  .object({
    name: z.string().min(1).max(80).default('Countersign'),
    message: z.string().max(200).default('Welcome'),
    /**
     * How the store writes numbers, as a locale (de-DE writes 1.250,00; zh-CN 1,250.00): the
     * cashier window reads and writes amounts this way. Unset: the customer language's way.
     */
    locale: z
      .string()
      .max(35)
      .refine(isNumberLocale, 'a locale such as de-DE, fr-FR or zh-CN')
      .optional(),
  })
  .strict();

const customerSchema = z
  .object({
    language: languageSchema.default('en'),
    /** Seconds without a customer touch before an order awaiting the customer is given back. */
    inactivityTimeoutSeconds: z.number().int().min(10).max(3600).default(90),
    /** Seconds the result screen stays before the display returns to idle. */
    resultSeconds: z.number().int().min(2).max(120).default(8),
  })
  .strict();

const windowsSchema = z
  .object({
    /** Which display shows the customer window: 'auto' = the first non-primary one, else its index. */
    customerDisplay: z.union([z.literal('auto'), z.number().int().min(0).max(15)]).default('auto'),
    kiosk: z.boolean().default(false),
  })
  .strict();

const serveSchema = z
  .object({
    host: z.string().min(1).default('127.0.0.1'),
    port: z.number().int().min(0).max(65535).default(4711),
  })
  .strict();

const hotkeysSchema = z
  .object({
    capture: z.string().min(1).default('CommandOrControl+Shift+O'),
  })
  .strict();

const hqSchema = z
  .object({
    /** Seconds between pushes to HQ when nothing is pending (enrol with `countersign hq join`). */
    syncSeconds: z.number().int().min(1).max(3600).default(5),
    /** Ledger entries per batch. */
    batchSize: z.number().int().min(1).max(1000).default(500),
    /** PEM file of a private CA that signed HQ's HTTPS certificate. */
    caFile: z.string().min(1).optional(),
  })
  .strict();

/**
 * The station configuration file (config.json in the data directory). Every section has
 * defaults, so an empty object is a valid config; unknown keys are errors, so a typo is named
 * instead of silently ignored.
 */
export const configSchema = z
  .object({
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as CNY or USD')
      .default('CNY'),
    /** Payment methods offered to the customer, in display order. */
    methods: z
      .array(paymentMethodSchema)
      .min(1, 'enable at least one payment method')
      .refine((m) => new Set(m).size === m.length, 'each method once')
      .default(['code', 'face', 'proxy', 'qr']),
    store: storeSchema.default(storeSchema.parse({})),
    customer: customerSchema.default(customerSchema.parse({})),
    windows: windowsSchema.default(windowsSchema.parse({})),
    serve: serveSchema.default(serveSchema.parse({})),
    hotkeys: hotkeysSchema.default(hotkeysSchema.parse({})),
    payments: paymentsConfigSchema.default(paymentsConfigSchema.parse({})),
    providers: providersConfigSchema.default(providersConfigSchema.parse({})),
    ledger: ledgerConfigSchema.default(ledgerConfigSchema.parse({})),
    devices: devicesConfigSchema.default(devicesConfigSchema.parse({})),
    capture: captureConfigSchema.default(captureConfigSchema.parse({})),
    ocr: ocrConfigSchema.default(ocrConfigSchema.parse({})),
    pole: poleConfigSchema.default(poleConfigSchema.parse({})),
    hq: hqSchema.default(hqSchema.parse({})),
    printer: printerConfigSchema.default(printerConfigSchema.parse({})),
    voice: voiceConfigSchema.default(voiceConfigSchema.parse({})),
  })
  .strict();

export type StationConfig = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
