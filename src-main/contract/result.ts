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

/** Formats zod issues as "path: message" strings for an invalid_input error. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.map(String).join('.') || '(input)'}: ${i.message}`);
}
