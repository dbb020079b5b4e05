import { z } from 'zod';
import { credentialSchema, paymentActionSchema } from '../contract/credential';
import {
  chargeAmountSchema,
  currencySchema,
  minorUnitsSchema,
  quantitySchema,
} from '../contract/money';
import { paymentPlatformSchema } from '../contract/payment-code';

/**
 * Wire format of the payment API (docs/payment-api.md), shared by the sandbox and the station's
 * HTTP provider so both validate exactly the same shapes.
 */
export const merchantOrderNoSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{6,64}$/, 'merchantOrderNo is 6–64 letters, digits, _ or -');

/** One order line as the payment system records it (a goods-detail entry). */
export const goodsLineSchema = z
  .object({
    name: z.string().min(1).max(120),
    quantity: quantitySchema,
    unitPrice: minorUnitsSchema.nullable(),
    amount: minorUnitsSchema,
  })
  .strict();
export type GoodsLine = z.infer<typeof goodsLineSchema>;

export const payRequestSchema = z
  .object({
    merchantOrderNo: merchantOrderNoSchema,
    amount: chargeAmountSchema,
    currency: currencySchema,
    credential: credentialSchema,
    description: z.string().max(128).optional(),
    /** The order's lines: the wallet, the proxy payer's picture and the records show them. */
    goods: z.array(goodsLineSchema).max(200).optional(),
  })
  .strict();
export type PayRequest = z.infer<typeof payRequestSchema>;

export const refundRequestSchema = z
  .object({
    merchantOrderNo: merchantOrderNoSchema,
    refundNo: merchantOrderNoSchema,
    amount: chargeAmountSchema,
    reason: z.string().min(1).max(200),
  })
  .strict();
export type RefundRequest = z.infer<typeof refundRequestSchema>;

export const paymentStatusSchema = z.enum(['paid', 'user_paying', 'failed', 'reversed']);
export type PaymentStatus = z.infer<typeof paymentStatusSchema>;

/** The state of one payment as the provider knows it. */
export const paymentAnswerSchema = z.object({
  merchantOrderNo: z.string(),
  status: paymentStatusSchema,
  amount: z.number().int().nullable(),
  currency: z.string().nullable(),
  platform: paymentPlatformSchema.nullable(),
  paymentId: z.string().nullable(),
  reason: z.string().nullable(),
  refunded: z.number().int(),
  /** While `user_paying`: what the payment waits for, until when, and the QR's address. */
  action: paymentActionSchema.nullable().optional(),
});
export type PaymentAnswer = z.infer<typeof paymentAnswerSchema>;

export const refundAnswerSchema = z.object({
  refundNo: z.string(),
  merchantOrderNo: z.string(),
  status: z.literal('succeeded'),
  amount: z.number().int(),
  refundedTotal: z.number().int(),
});
export type RefundAnswer = z.infer<typeof refundAnswerSchema>;

/** A wallet account bound to the merchant: its payments up to `maxAmount` need no password. */
export const bindingViewSchema = z.object({
  bindingId: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  platform: paymentPlatformSchema,
  /** Masked, e.g. 138****0001. */
  phone: z.string(),
  maxAmount: z.number().int(),
  createdAt: z.number().int(),
});
export type BindingView = z.infer<typeof bindingViewSchema>;
export const bindingsAnswerSchema = z.object({ bindings: z.array(bindingViewSchema) });

/** Every error body: a stable code and a sentence for people. */
export const apiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ApiError = z.infer<typeof apiErrorSchema>['error'];

/** What the sandbox answers on GET /health, so a station can tell its sandbox from another program. */
export const SANDBOX_SERVICE = 'countersign-sandbox';
export const healthAnswerSchema = z.object({ ok: z.literal(true), service: z.string().optional() });
