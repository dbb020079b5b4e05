import type Database from 'better-sqlite3';
import { classifyPaymentCode, type PaymentPlatform } from '../src-main/contract/payment-code';
import type { PayRequest } from '../src-main/payment-api/api-schema';
import { faceIndexOf } from './face-index';

/** The paying account, a decline reason, or what the payment must wait for first. */
export type Resolved =
  | { accountId: string; reason?: undefined; waiting?: 'payer' }
  | { reason: string; accountId?: undefined; waiting?: undefined }
  | { waiting: 'scan'; accountId?: undefined; reason?: undefined };

/**
 * Finds the account a credential pays from, consuming single-use payment codes, or gives the decline reason. Runs inside the pay transaction.
 */
export function resolveCredential(
  db: Database.Database,
  req: PayRequest,
  t: number,
  platformOut: { platform: PaymentPlatform | null },
  merchantId: string,
): Resolved {
  const c = req.credential;
  if (c.kind === 'payment_code') {
    const cls = classifyPaymentCode(c.code);
    if (!cls.valid) return { reason: 'invalid_code' };
    platformOut.platform = cls.platform;
    const row = db.prepare('SELECT * FROM codes WHERE code = ?').get(cls.code) as
      | {
          account_id: string;
          expires_at: number;
          used_at: number | null;
          binding_id: string | null;
        }
      | undefined;
    if (!row) return { reason: 'unknown_code' };
    if (row.used_at !== null) return { reason: 'code_already_used' };
    if (row.expires_at <= t) return { reason: 'code_expired' };
    if (row.binding_id !== null) {
      // A member code pays only at the store it was bound to, and only while bound; the
      // password rule is then the binding's (acquirer: boundFor).
      const b = db
        .prepare('SELECT merchant_id, removed_at FROM bindings WHERE id = ?')
        .get(row.binding_id) as { merchant_id: string; removed_at: number | null } | undefined;
      if (!b || b.merchant_id !== merchantId) return { reason: 'member_code_other_store' };
      if (b.removed_at !== null) return { reason: 'binding_removed' };
    }
    db.prepare('UPDATE codes SET used_at = ? WHERE code = ?').run(t, cls.code);
    return { accountId: row.account_id };
  }
  if (c.kind === 'face') {
    const m = faceIndexOf(db).match(c.descriptor, c.phoneLast4);
    if (m.kind === 'matched') return { accountId: m.accountId };
    return { reason: m.kind === 'confirm_phone' ? 'face_confirm_phone' : 'face_not_recognised' };
  }
  if (c.kind === 'proxy') {
    // The guardian's rules come first: which merchants and how much this proxy ID may spend.
    const payer = db.prepare('SELECT * FROM proxy_payers WHERE proxy_id = ?').get(c.proxyId) as
      { account_id: string; max_amount: number; categories: string } | undefined;
    if (!payer) return { reason: 'proxy_unknown' };
    const merchant = db.prepare('SELECT category FROM merchants WHERE id = ?').get(merchantId) as
      { category: string } | undefined;
    const allowed = JSON.parse(payer.categories) as string[];
    if (!merchant || !allowed.includes(merchant.category))
      return { reason: 'proxy_category_not_allowed' };
    if (req.amount > payer.max_amount) return { reason: 'proxy_amount_not_approved' };
    return { accountId: payer.account_id, waiting: 'payer' };
  }
  // A provider's face code (WeChat face SDK, Alipay smile-to-pay) is theirs to resolve: the
  // sandbox has no such device, so it declines and nothing is taken.
  if (c.kind === 'face_code') return { reason: 'face_code_unsupported' };
  // Merchant QR: the account is known only once a wallet scans the token.
  return { waiting: 'scan' };
}
