import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Result } from '../contract/result';

/** Header names of a signed request (lower case, as node:http presents them). */
export const SIGNATURE_HEADERS = {
  merchant: 'x-cs-merchant',
  timestamp: 'x-cs-timestamp',
  nonce: 'x-cs-nonce',
  signature: 'x-cs-signature',
} as const;

/**
 * The canonical request both sides sign: method, path with query, timestamp (epoch ms),
 * nonce and the hex SHA-256 of the exact body bytes, joined by newlines.
 */
export function canonicalRequest(
  method: string,
  path: string,
  timestamp: string,
  nonce: string,
  body: string | Buffer,
): string {
  const bodyHash = createHash('sha256').update(body).digest('hex');
  return [method.toUpperCase(), path, timestamp, nonce, bodyHash].join('\n');
}

/** HMAC-SHA256 of the canonical request with the merchant key, hex. */
export function signCanonical(key: string, canonical: string): string {
  return createHmac('sha256', key).update(canonical).digest('hex');
}

/** The four headers for a request, with a fresh nonce. */
export function signRequest(
  opts: { merchantId: string; key: string; method: string; path: string; body: string },
  now: number = Date.now(),
): Record<string, string> {
  const timestamp = String(now);
  const nonce = randomBytes(16).toString('hex');
  const canonical = canonicalRequest(opts.method, opts.path, timestamp, nonce, opts.body);
  return {
    [SIGNATURE_HEADERS.merchant]: opts.merchantId,
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.signature]: signCanonical(opts.key, canonical),
  };
}

export type SignatureError =
  'unsigned' | 'unknown_merchant' | 'bad_signature' | 'stale_request' | 'replayed_request';

/** Why a request's signature is refused: the code the API answers with, and the words. */
export interface SignatureRefusal {
  code: SignatureError;
  message: string;
}

/**
 * Checks a request's signature headers. `useNonce` must record the nonce and return false
 * when it was seen before (within the allowed skew), which is what refuses replays.
 */
export function verifySignature(
  req: { method: string; path: string; headers: Record<string, string | string[] | undefined> },
  body: Buffer,
  deps: {
    keyOf: (merchantId: string) => string | null;
    now: number;
    maxSkewMs: number;
    useNonce: (merchantId: string, nonce: string, timestamp: number) => boolean;
  },
): Result<string, SignatureRefusal> {
  const h = (name: string) => {
    const v = req.headers[name];
    return typeof v === 'string' ? v : undefined;
  };
  const merchantId = h(SIGNATURE_HEADERS.merchant);
  const ts = h(SIGNATURE_HEADERS.timestamp);
  const nonce = h(SIGNATURE_HEADERS.nonce);
  const signature = h(SIGNATURE_HEADERS.signature);
  if (!merchantId || !ts || !nonce || !signature)
    return {
      ok: false,
      error: {
        code: 'unsigned',
        message: `the request must carry ${Object.values(SIGNATURE_HEADERS).join(', ')}`,
      },
    };
  const key = deps.keyOf(merchantId);
  if (!key)
    return { ok: false, error: { code: 'unknown_merchant', message: `no merchant ${merchantId}` } };
  if (
    !/^\d{1,16}$/.test(ts) ||
    !/^[A-Za-z0-9]{16,64}$/.test(nonce) ||
    !/^[0-9a-f]{64}$/.test(signature)
  )
    return {
      ok: false,
      error: { code: 'bad_signature', message: 'malformed timestamp, nonce or signature' },
    };
  const expected = Buffer.from(
    signCanonical(key, canonicalRequest(req.method, req.path, ts, nonce, body)),
    'hex',
  );
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex')))
    return {
      ok: false,
      error: { code: 'bad_signature', message: 'the signature does not match the request' },
    };
  const skew = Math.abs(deps.now - Number(ts));
  if (skew > deps.maxSkewMs)
    return {
      ok: false,
      error: {
        code: 'stale_request',
        message: `the timestamp is ${Math.round(skew / 1000)} s away from the server clock (at most ${deps.maxSkewMs / 1000} s)`,
      },
    };
  if (!deps.useNonce(merchantId, nonce, Number(ts)))
    return {
      ok: false,
      error: { code: 'replayed_request', message: 'this nonce was already used' },
    };
  return { ok: true, value: merchantId };
}
