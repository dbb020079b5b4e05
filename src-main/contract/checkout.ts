import { z } from 'zod';
import { paymentActionSchema, paymentMethodSchema } from './credential';
import { paymentPlatformSchema } from './payment-code';
import { orderSchema } from './order';

/** Every phase of one checkout; both windows render from the phase and the snapshot around it. */
export const checkoutPhaseSchema = z.enum([
  'idle',
  'review',
  'awaiting_confirmation',
  'disputed',
  'confirmed',
  'choosing_method',
  'collecting_credential',
  'authorizing',
  'paid',
  'failed',
  'cancelled',
]);
export type CheckoutPhase = z.infer<typeof checkoutPhaseSchema>;

/** Phases a checkout ends in; from these only reset or reopen move on. */
export const FINAL_PHASES: readonly CheckoutPhase[] = ['paid', 'failed', 'cancelled'];

/** What the customer flagged as wrong. */
export const disputeSchema = z
  .object({
    lineIds: z.array(z.string().max(64)).max(200),
    adjustmentIds: z.array(z.string().max(64)).max(50),
    note: z.string().max(300),
    at: z.number().int(),
  })
  .strict();
export type Dispute = z.infer<typeof disputeSchema>;

/** Progress of the payment while authorizing, and its outcome once final. */
export const paymentProgressSchema = z
  .object({
    attemptId: z.string().max(64).nullable(),
    step: z.enum(['sending', 'user_paying', 'querying', 'reversing', 'done']),
    platform: paymentPlatformSchema.nullable(),
    outcome: z.enum(['paid', 'failed', 'reversed']).nullable(),
    reason: z.string().max(500).nullable(),
    /** What the payment waits for while `user_paying` (password, proxy payer, QR scan). */
    action: paymentActionSchema.nullable().optional(),
  })
  .strict();
export type PaymentProgress = z.infer<typeof paymentProgressSchema>;

/** A short message about the last thing that happened, for one or both windows. */
export const checkoutNoticeSchema = z
  .object({
    code: z.string().min(1).max(64),
    text: z.string().max(500),
    at: z.number().int(),
    /** The payment system's reason behind a payment notice, for the windows to say in words. */
    reason: z.string().max(500).optional(),
  })
  .strict();
export type CheckoutNotice = z.infer<typeof checkoutNoticeSchema>;

/** One paid part of an order paid in several payments. */
export const paidPartSchema = z
  .object({
    attemptId: z.string().max(64),
    amount: z.number().int().positive(),
    method: paymentMethodSchema,
  })
  .strict();
export type PaidPart = z.infer<typeof paidPartSchema>;

/**
 * An order paid in parts (each under a per-payment limit): the parts paid so far and the amount
 * of the next payment (null: all that is left).
 */
export const splitSchema = z
  .object({
    next: z.number().int().positive().nullable(),
    paid: z.array(paidPartSchema).max(50),
  })
  .strict();
export type Split = z.infer<typeof splitSchema>;

/** What is left to pay on the checkout's order once its paid parts are taken off. */
export function remainingOf(s: Pick<CheckoutSnapshot, 'order' | 'split'>): number {
  const paid = s.split?.paid.reduce((sum, p) => sum + p.amount, 0) ?? 0;
  return (s.order?.total ?? 0) - paid;
}

/** The amount the next payment charges: the part set, or everything left. */
export function nextPaymentAmount(s: Pick<CheckoutSnapshot, 'order' | 'split'>): number {
  return s.split?.next ?? remainingOf(s);
}

/** The one checkout state in main, as both windows see it. */
export const checkoutSnapshotSchema = z
  .object({
    phase: checkoutPhaseSchema,
    /** Increases on every change; the customer confirms a revision, never "whatever is there now". */
    revision: z.number().int().nonnegative(),
    order: orderSchema.nullable(),
    dispute: disputeSchema.nullable(),
    methods: z.array(paymentMethodSchema),
    method: paymentMethodSchema.nullable(),
    payment: paymentProgressSchema.nullable(),
    notice: checkoutNoticeSchema.nullable(),
    /** When the customer's turn times out (epoch ms), or null when nothing waits on them. */
    deadline: z.number().int().nullable(),
    /** Paid parts and the next part's amount when the order is paid in several payments. */
    split: splitSchema.nullable().optional(),
    updatedAt: z.number().int(),
  })
  .strict();
export type CheckoutSnapshot = z.infer<typeof checkoutSnapshotSchema>;
