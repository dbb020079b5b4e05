import { z } from 'zod';
import { roleSchema } from './commands';
import { plainTextSchema } from './plain-text';
import { contractErrorSchema } from './result';

/** Largest WebSocket message the station reads; larger ones get a message_too_large reply. */
export const MAX_MESSAGE_BYTES = 256 * 1024;

/** Messages a WebSocket client sends. The first must be hello or pair. */
export const clientMessageSchema = z.discriminatedUnion('type', [
  z
    .object({ type: z.literal('hello'), role: roleSchema, token: z.string().min(16).max(256) })
    .strict(),
  z
    .object({
      type: z.literal('pair'),
      code: z.string().regex(/^\d{6}$/, 'the pairing code has 6 digits'),
      deviceName: plainTextSchema().trim().min(1).max(60).default('Customer display'),
    })
    .strict(),
  z
    .object({
      type: z.literal('call'),
      id: z.number().int().nonnegative(),
      command: z.string().min(1).max(64),
      input: z.unknown(),
    })
    .strict(),
]);
export type ClientMessage = z.input<typeof clientMessageSchema>;

const resultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }).strict(),
  z.object({ ok: z.literal(false), error: contractErrorSchema }).strict(),
]);

/** Messages the station sends over WebSocket. */
export const serverMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('welcome'), role: roleSchema }).strict(),
  z.object({ type: z.literal('paired'), token: z.string() }).strict(),
  z.object({ type: z.literal('result'), id: z.number().int(), result: resultSchema }).strict(),
  z.object({ type: z.literal('event'), name: z.string(), payload: z.unknown() }).strict(),
  z
    .object({
      type: z.literal('error'),
      id: z.number().int().nullable(),
      error: contractErrorSchema,
    })
    .strict(),
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;
