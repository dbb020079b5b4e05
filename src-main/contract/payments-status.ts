import { z } from 'zod';

/**
 * Whether the station can take a payment right now. While `available` is false the cashier
 * window shows "payments unavailable, retrying" with `message`; the station keeps retrying by
 * itself and announces the change (event `payments.status`).
 * - connecting: starting up, the payment system has not answered yet;
 * - unreachable: it stopped answering, or its port is taken by another program (message says);
 * - ledger_unwritable: the ledger cannot be written (a full disk): no payment starts;
 * - not_running: this station runs without payments (message says why).
 */
export const paymentsStatusSchema = z
  .object({
    available: z.boolean(),
    state: z.enum(['connecting', 'available', 'unreachable', 'ledger_unwritable', 'not_running']),
    message: z.string().max(800),
    since: z.number().int(),
  })
  .strict();
export type PaymentsStatus = z.infer<typeof paymentsStatusSchema>;

/**
 * A payment that was left open (the station restarted, or the disk was full) and has been
 * resolved since. The cashier window announces it: the customer may have walked away.
 */
export const paymentResolvedSchema = z
  .object({
    attemptId: z.string().max(64),
    orderId: z.string().max(64),
    status: z.enum(['paid', 'failed', 'reversed']),
    amount: z.number().int(),
    reason: z.string().max(500).nullable(),
    at: z.number().int(),
  })
  .strict();
export type PaymentResolved = z.infer<typeof paymentResolvedSchema>;
