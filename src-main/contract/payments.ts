import { z } from 'zod';
import { paymentMethodSchema } from './credential';
import { chargeAmountSchema } from './money';
import { paymentPlatformSchema } from './payment-code';

/** A customer's wallet bound to this store: its payments up to `maxAmount` need no password. */
export const storeBindingSchema = z
  .object({
    bindingId: z.string(),
    accountId: z.string(),
    accountName: z.string(),
    platform: paymentPlatformSchema,
    /** Masked by the payment system, e.g. 138****0001. */
    phone: z.string(),
    maxAmount: z.number().int(),
    createdAt: z.number().int(),
  })
  .strict();
export type StoreBinding = z.infer<typeof storeBindingSchema>;

/** A local calendar day, as reports and reconciliation take it. */
export const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2026-11-22');

export const attemptStateSchema = z.enum([
  'created',
  'sending',
  'user_paying',
  'querying',
  'reversing',
  'paid',
  'failed',
  'reversed',
]);

/** One payment attempt as the cashier's history shows it. */
export const attemptRowSchema = z
  .object({
    id: z.string(),
    orderId: z.string(),
    amount: z.number().int(),
    currency: z.string(),
    method: paymentMethodSchema,
    platform: paymentPlatformSchema.nullable(),
    provider: z.string(),
    credentialHint: z.string(),
    shift: z.string(),
    createdAt: z.number(),
    state: attemptStateSchema,
    reason: z.string().nullable(),
    stateAt: z.number(),
    providerRef: z.string().nullable(),
    refunded: z.number().int(),
  })
  .strict();
export type AttemptRow = z.infer<typeof attemptRowSchema>;

/** The order a payment was for, as the ledger recorded it: what the payment details list. */
export const paymentOrderSchema = z
  .object({
    orderId: z.string(),
    currency: z.string(),
    total: z.number().int(),
    lines: z.array(
      z
        .object({
          name: z.string(),
          quantity: z.string(),
          unitPrice: z.number().int().nullable(),
          amount: z.number().int(),
        })
        .strict(),
    ),
    adjustments: z.array(z.object({ label: z.string(), amount: z.number().int() }).strict()),
  })
  .strict();
export type PaymentOrder = z.infer<typeof paymentOrderSchema>;

export const refundRowSchema = z
  .object({
    id: z.string(),
    attemptId: z.string(),
    amount: z.number().int(),
    reason: z.string(),
    createdAt: z.number(),
    state: z.enum(['requested', 'succeeded', 'failed']),
    stateReason: z.string().nullable(),
    stateAt: z.number(),
  })
  .strict();
export type RefundRow = z.infer<typeof refundRowSchema>;

export const historyQuerySchema = z
  .object({
    text: z.string().trim().max(100).optional(),
    date: daySchema.optional(),
    state: attemptStateSchema.optional(),
    limit: z.number().int().min(1).max(500).default(50),
  })
  .strict();

export const refundRequestSchema = z
  .object({
    attemptId: z.string().min(1).max(64),
    amount: chargeAmountSchema,
    reason: z.string().trim().min(1, 'give a reason for the refund').max(200),
  })
  .strict();

const group = z
  .object({ key: z.string(), count: z.number().int(), total: z.number().int() })
  .strict();

export const dayReportSchema = z
  .object({
    date: z.string(),
    currencies: z.array(z.string()),
    paid: z.object({ count: z.number().int(), total: z.number().int() }).strict(),
    refunded: z.object({ count: z.number().int(), total: z.number().int() }).strict(),
    net: z.number().int(),
    failed: z.number().int(),
    reversed: z.number().int(),
    byMethod: z.array(group),
    byPlatform: z.array(group),
    byShift: z.array(group),
    /** The printable page (self-contained HTML, no scripts). */
    html: z.string(),
    /** One row per payment attempt, as `countersign report --csv` writes it. */
    csv: z.string(),
  })
  .strict();
export type DayReportView = z.infer<typeof dayReportSchema>;

const statementRow = z
  .object({
    type: z.enum(['payment', 'refund']),
    merchant_order_no: z.string(),
    refund_no: z.string(),
    amount: z.number().int(),
    status: z.enum(['paid', 'reversed', 'succeeded']),
  })
  .strict();
const difference = z.object({ id: z.string(), ledger: z.string(), statement: z.string() }).strict();

export const reconciliationSchema = z
  .object({
    date: z.string(),
    matchedPayments: z.number().int(),
    matchedRefunds: z.number().int(),
    missingInLedger: z.array(statementRow),
    missingInStatement: z.array(
      z
        .object({
          id: z.string(),
          kind: z.enum(['payment', 'refund']),
          amount: z.number().int(),
          state: z.string(),
        })
        .strict(),
    ),
    amountDifferences: z.array(difference),
    statusDifferences: z.array(difference),
    unreadable: z.array(z.string()),
    balanced: z.boolean(),
  })
  .strict();
export type ReconciliationView = z.infer<typeof reconciliationSchema>;
