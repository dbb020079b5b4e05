import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { z } from 'zod';
import {
  batchReplySchema,
  enrolReplySchema,
  errorReplySchema,
  type Batch,
  type BatchReply,
  type EnrolReply,
} from './wire';

/** What one push of a batch came to, as the sync loop decides on it. */
export type SendOutcome =
  | { kind: 'applied'; reply: BatchReply }
  | { kind: 'gap'; expectedSeq: number; message: string }
  /** Credential unknown or revoked, or refused for another station: a person must act. */
  | { kind: 'refused'; message: string }
  /** HQ refused the batch itself (chain broken, malformed): retrying soon will not help. */
  | { kind: 'rejected'; message: string }
  /** HQ down, slow, 5xx, or an answer we could not read: retry with backoff. */
  | { kind: 'unreachable'; message: string };

export interface HqEndpoint {
  url: string;
  /** PEM of a private CA for an HTTPS HQ; the system's CAs otherwise. */
  ca?: string;
  timeoutMs?: number;
}

/** POSTs JSON and returns the status and parsed body; rejects on network errors and timeouts. */
function postJson(
  endpoint: HqEndpoint,
  path: string,
  body: unknown,
  token?: string,
): Promise<{ status: number; body: unknown }> {
  const url = new URL(path, endpoint.url);
  const text = JSON.stringify(body);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        ca: endpoint.ca,
        timeout: endpoint.timeoutMs ?? 15_000,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          let parsed: unknown;
          try {
            parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            parsed = null;
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`HQ did not answer within ${endpoint.timeoutMs ?? 15_000} ms`)),
    );
    req.on('error', reject);
    req.end(text);
  });
}

/** Pushes one batch with the station's credential; never throws. */
export async function sendBatch(
  endpoint: HqEndpoint,
  credential: string,
  batch: Batch,
): Promise<SendOutcome> {
  let res: { status: number; body: unknown };
  try {
    res = await postJson(endpoint, '/v1/batches', batch, credential);
  } catch (error) {
    return { kind: 'unreachable', message: `HQ unreachable: ${(error as Error).message}` };
  }
  if (res.status === 200) {
    const reply = batchReplySchema.safeParse(res.body);
    return reply.success
      ? { kind: 'applied', reply: reply.data }
      : { kind: 'unreachable', message: 'HQ answered something that is not a batch reply' };
  }
  const err = errorReplySchema.safeParse(res.body);
  const message = err.success
    ? `HQ ${res.status}: ${err.data.message}`
    : `HQ answered ${res.status}`;
  if (res.status === 409 && err.success && err.data.expectedSeq !== undefined)
    return { kind: 'gap', expectedSeq: err.data.expectedSeq, message };
  if (res.status === 401 || res.status === 403) return { kind: 'refused', message };
  if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429)
    return { kind: 'rejected', message };
  return { kind: 'unreachable', message };
}

/** Exchanges a one-time enrolment code for the station's credential. */
export async function enrolWithCode(
  endpoint: HqEndpoint,
  code: string,
  version: string,
): Promise<{ ok: true; value: EnrolReply } | { ok: false; message: string }> {
  try {
    const res = await postJson(endpoint, '/v1/enrol', { code, version });
    if (res.status === 200) {
      const reply = enrolReplySchema.safeParse(res.body);
      if (reply.success) return { ok: true, value: reply.data };
    }
    const err = z.object({ message: z.string() }).safeParse(res.body);
    return { ok: false, message: err.success ? err.data.message : `HQ answered ${res.status}` };
  } catch (error) {
    return { ok: false, message: `HQ unreachable: ${(error as Error).message}` };
  }
}
