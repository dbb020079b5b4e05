import { createHash } from 'node:crypto';
import type { Credential } from '../src-main/contract/credential';
import type { PayRequest } from '../src-main/payment-api/api-schema';

/**
 * SHA-256 of the credential with its keys sorted, so the same credential sent again matches
 * whatever order its fields arrive in. Only the hash is kept: a payment code is a bearer token.
 */
export function credentialSha256(credential: Credential): string {
  const entries = Object.entries(credential).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex');
}

/** What a stored payment remembers of the request that created it (NULL: not known). */
export interface StoredRequest {
  amount: number | null;
  currency: string | null;
  credential_sha256: string | null;
}

/**
 * Why a request may not reuse this merchant order number, or null when it is the same request
 * (idempotent resend). Amount, currency and credential must all match the first request;
 * tombstones from a reversal before payment know none of them and so conflict with nothing.
 */
export function orderConflict(stored: StoredRequest, req: PayRequest): string | null {
  const no = req.merchantOrderNo;
  if (stored.amount !== null && stored.amount !== req.amount)
    return `order ${no} was submitted with amount ${stored.amount}, not ${req.amount}`;
  if (stored.currency !== null && stored.currency !== req.currency)
    return `order ${no} was submitted with currency ${stored.currency}, not ${req.currency}`;
  if (
    stored.credential_sha256 !== null &&
    stored.credential_sha256 !== credentialSha256(req.credential)
  )
    return `order ${no} was submitted with another credential`;
  return null;
}
