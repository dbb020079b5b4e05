import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { Refusal } from './apply-batch';
import { MAX_BODY_BYTES } from './wire';

// The small HTTP toolkit HQ's routes share: bounded bodies, zod at the boundary, JSON answers.

/** A refusal to send as the answer (status, code, sentence). */
export class HttpError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

/** An HttpError with the given status, code and sentence. */
export const fail = (status: number, error: string, message: string) =>
  new HttpError({ status, error, message });

/** The request body, refused unread (413) past `limit` bytes. */
export async function readBytes(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const tooLarge = () => fail(413, 'too_large', `a request body may be at most ${limit} bytes`);
  if (Number(req.headers['content-length'] ?? 0) > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The request body as JSON (400 when it is not). */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const bytes = await readBytes(req);
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw fail(400, 'malformed', 'the request body is not JSON');
  }
}

/** Validates with zod; the first issue becomes a 400 naming the field. */
export function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw fail(
      400,
      'malformed',
      `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return r.data;
}

/** Sends a JSON answer. */
export function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}
