import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { classifyPaymentCode, type PaymentPlatform } from '../../contract/payment-code';
import type { PayRequest } from '../api-schema';

/**
 * Finds the account a credential pays from, consuming single-use credentials (codes, proxy
 * approvals, scanned QR tokens), or gives the decline reason. Runs inside the pay transaction.
 */
export function resolveCredential(
  db: Database.Database,
  req: PayRequest,
  t: number,
  platformOut: { platform: PaymentPlatform | null },
): { accountId: string; reason?: undefined } | { reason: string; accountId?: undefined } {
  const c = req.credential;
  if (c.kind === 'payment_code') {
    const cls = classifyPaymentCode(c.code);
    if (!cls.valid) return { reason: 'invalid_code' };
    platformOut.platform = cls.platform;
    const row = db.prepare('SELECT * FROM codes WHERE code = ?').get(cls.code) as
      { account_id: string; expires_at: number; used_at: number | null } | undefined;
    if (!row) return { reason: 'unknown_code' };
    if (row.used_at !== null) return { reason: 'code_already_used' };
    if (row.expires_at <= t) return { reason: 'code_expired' };
    db.prepare('UPDATE codes SET used_at = ? WHERE code = ?').run(t, cls.code);
    return { accountId: row.account_id };
  }
  if (c.kind === 'face') {
    const bytes = Buffer.from(c.image.slice(c.image.indexOf(',') + 1), 'base64');
    const hash = createHash('sha256').update(bytes).digest('hex');
    const row = db.prepare('SELECT account_id FROM faces WHERE image_sha256 = ?').get(hash) as
      { account_id: string } | undefined;
    return row ? { accountId: row.account_id } : { reason: 'face_not_recognised' };
  }
  if (c.kind === 'proxy') {
    const row = db.prepare('SELECT * FROM proxy_approvals WHERE proxy_id = ?').get(c.proxyId) as
      | { account_id: string; max_amount: number; expires_at: number; used_at: number | null }
      | undefined;
    if (!row) return { reason: 'proxy_not_approved' };
    if (row.used_at !== null || row.expires_at <= t) return { reason: 'proxy_approval_expired' };
    if (req.amount > row.max_amount) return { reason: 'proxy_amount_not_approved' };
    db.prepare('UPDATE proxy_approvals SET used_at = ? WHERE proxy_id = ?').run(t, c.proxyId);
    return { accountId: row.account_id };
  }
  const row = db.prepare('SELECT * FROM qr_tokens WHERE token = ?').get(c.token) as
    { account_id: string; used_at: number | null } | undefined;
  if (!row) return { reason: 'qr_not_scanned' };
  if (row.used_at !== null) return { reason: 'qr_already_used' };
  db.prepare('UPDATE qr_tokens SET used_at = ? WHERE token = ?').run(t, c.token);
  return { accountId: row.account_id };
}
