import { z } from 'zod';
import { SANDBOX_MERCHANT } from '../payment-api/sandbox-launch';

const providerName = z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'a provider name such as sandbox');

const sandboxSchema = z
  .object({
    /** Start the embedded sandbox with the station. */
    enabled: z.boolean().default(true),
    port: z.number().int().min(0).max(65535).default(4712),
    /** Use an already running payment API here instead of the embedded one's address. */
    url: z.url().optional(),
    merchantId: z.string().min(1).max(64).default(SANDBOX_MERCHANT.merchantId),
    key: z.string().min(8).max(256).default(SANDBOX_MERCHANT.key),
    /** Amounts above this (minor units) wait for the customer's password on the wallet page. */
    passwordAbove: z.number().int().min(0).default(50_000),
    /** How long a proxy payer has to confirm on their phone, and a merchant QR stays payable. */
    proxyTimeoutMs: z.number().int().min(1000).max(600_000).default(120_000),
    qrLifeMs: z.number().int().min(1000).max(600_000).default(120_000),
    /** The sandbox's own database, inside the data directory. */
    file: z.string().min(1).default('sandbox.sqlite'),
  })
  .strict();

const routingSchema = z
  .object({
    wechat: providerName.default('sandbox'),
    alipay: providerName.default('sandbox'),
    unionpay: providerName.default('sandbox'),
    face: providerName.default('sandbox'),
    proxy: providerName.default('sandbox'),
    merchant_qr: providerName.default('sandbox'),
  })
  .strict();

/** The `payments` section of config.json. */
export const paymentsConfigSchema = z
  .object({
    sandbox: sandboxSchema.default(sandboxSchema.parse({})),
    routing: routingSchema.default(routingSchema.parse({})),
    /** One request's timeout; past it the outcome is unknown and the station queries. */
    timeoutMs: z.number().int().min(10).max(120_000).default(10_000),
    queryIntervalMs: z.number().int().min(5).max(60_000).default(3_000),
    /** From the first send: past it an unresolved payment is reversed. */
    deadlineMs: z.number().int().min(20).max(600_000).default(45_000),
    reverseRetryMs: z.number().int().min(5).max(60_000).default(3_000),
  })
  .strict();

export type PaymentsConfig = z.infer<typeof paymentsConfigSchema>;

/**
 * The payment time limits: HQ may push them (docs/hq.md) and the running payment service takes
 * them up through `reconfigure`, each attempt keeping those it started with.
 */
export const paymentLimitsSchema = paymentsConfigSchema
  .pick({ timeoutMs: true, queryIntervalMs: true, deadlineMs: true, reverseRetryMs: true })
  .strict();

export type PaymentLimits = z.infer<typeof paymentLimitsSchema>;

/** The time limits of a `payments` config. */
export const paymentLimitsOf = (p: PaymentLimits): PaymentLimits => ({
  timeoutMs: p.timeoutMs,
  queryIntervalMs: p.queryIntervalMs,
  deadlineMs: p.deadlineMs,
  reverseRetryMs: p.reverseRetryMs,
});
