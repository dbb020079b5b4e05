import { z } from 'zod';

/** Machine-readable error codes every command may answer with. */
export const errorCodeSchema = z.enum([
  'invalid_input',
  'unknown_command',
  'forbidden',
  'illegal_transition',
  'stale_revision',
  'needs_review',
  'not_paired',
  'message_too_large',
  'malformed_message',
  'unavailable',
  'internal',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const contractErrorSchema = z
  .object({
    code: errorCodeSchema,
    message: z.string(),
    /** For invalid_input: "path: problem" per bad field. */
    issues: z.array(z.string()).optional(),
    /**
     * A stable code for this particular refusal ('region_missing', 'refund_exceeds_paid' …) with
     * its values: a window says it in its own language instead of showing `message`, which is
     * the station's English for logs and the CLI.
     */
    reason: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/)
      .max(64)
      .optional(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  })
  .strict();
export type ContractError = z.infer<typeof contractErrorSchema>;

/**
 * The one result type: what crosses a process boundary instead of an exception (with a
 * ContractError), and what the core's parts answer with their own error shape (`E`). A part
 * throws only where the throw is the mechanism (inside a SQLite transaction, to roll it back),
 * and says so where it does.
 */
export type Result<T, E = ContractError> = { ok: true; value: T } | { ok: false; error: E };

/** Builds a success result. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** Builds a failure result. */
export const fail = <T = never>(
  code: ErrorCode,
  message: string,
  issues?: string[],
): Result<T> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});

/**
 * Every `reason` the station answers a cashier command with; the cashier window has a sentence
 * for each in both languages (its i18n test holds it to this list).
 */
export const ERROR_REASONS = [
  'not_a_date',
  'ledger_tampered',
  'reconcile_failed',
  'region_missing',
  'order_with_customer',
  'pin_limit',
  'wrong_pin',
  'no_such_display',
  'no_payment_waiting',
  'wrong_method',
  'payments_unavailable',
  // The ledger's and the refund flow's own codes, passed on by payments.refund.
  'unknown_order',
  'order_conflict',
  'already_paid',
  'attempt_open',
  'unknown_attempt',
  'not_paid',
  'refund_exceeds_paid',
  'invalid',
  'refund_pending',
  'refund_refused',
  // Cashiers and shifts.
  'cashier_invalid',
  'manager_pin_needed',
  'cashier_exists',
  'shift_open',
  'no_shift',
  'no_such_shift',
] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];

/** Builds a failure with a stable reason (and its values) a window translates. */
export const failBecause = <T = never>(
  code: ErrorCode,
  reason: ErrorReason,
  message: string,
  params?: Record<string, string | number>,
): Result<T> => ({
  ok: false,
  error: params ? { code, message, reason, params } : { code, message, reason },
});

/** Formats zod issues as "path: message" strings for an invalid_input error. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.map(String).join('.') || '(input)'}: ${i.message}`);
}
