import type { GoodsLine } from '../src-main/payment-api/api-schema';
import { AcquirerError, type Acquirer, type PaymentRow } from './acquirer';

/** A proxy request as the payer's phone shows it. */
export interface ProxyRequestView {
  paymentId: string;
  proxyId: string;
  amount: number;
  currency: string;
  merchant: string;
  code: string;
  scenePhoto: string | null;
  goods: GoodsLine[];
  until: number;
}

/** A merchant QR as the scanning wallet shows it. */
export interface QrView {
  token: string;
  state: 'payable' | 'expired' | 'used';
  merchant: string;
  amount: number;
  currency: string;
  goods: GoodsLine[];
  until: number;
}

const goodsOf = (p: PaymentRow): GoodsLine[] =>
  p.goods ? (JSON.parse(p.goods) as GoodsLine[]) : [];

/**
 * What the customer and the proxy payer do on their phones: confirm or decline a proxy request
 * with the one-time code, and pay a merchant QR from a wallet. Each runs in one transaction and
 * acts only on a payment still waiting for exactly that, so a late or repeated tap changes nothing.
 */
export function createCustomerActions(acquirer: Acquirer) {
  const { db, expire, setStatus, debit, boundFor, answer } = acquirer.core;
  const byId = (paymentId: string) =>
    db.prepare('SELECT * FROM payments WHERE payment_id = ?').get(paymentId) as
      PaymentRow | undefined;

  /** Takes the money once the payer or the wallet said yes: balance checked again now. */
  const charge = (p: PaymentRow, accountId: string) => {
    const acct = acquirer.account(accountId)!;
    if (acct.balance < p.amount!) return setStatus(p, 'failed', 'insufficient_funds');
    db.prepare('UPDATE payments SET account_id = ?, platform = ? WHERE payment_id = ?').run(
      acct.id,
      acct.platform,
      p.payment_id,
    );
    debit(acct.id, p.amount!);
    setStatus(p, 'paid', null);
  };

  const proxyRequests = (accountId: string): ProxyRequestView[] => {
    const rows = db
      .prepare(
        `SELECT r.*, p.merchant_id FROM proxy_requests r JOIN payments p USING (payment_id)
         WHERE r.account_id = ? AND p.status = 'user_paying' ORDER BY r.created_at DESC`,
      )
      .all(accountId) as {
      payment_id: string;
      proxy_id: string;
      code: string;
      scene_photo: string | null;
    }[];
    return rows.flatMap((r) => {
      const p = expire(byId(r.payment_id)!);
      if (p.status !== 'user_paying') return [];
      return [
        {
          paymentId: p.payment_id,
          proxyId: r.proxy_id,
          amount: p.amount!,
          currency: p.currency!,
          merchant: p.merchant_id,
          code: r.code,
          scenePhoto: r.scene_photo,
          goods: goodsOf(p),
          until: p.pending_until!,
        },
      ];
    });
  };

  /** The payer typed the code from the verification picture (or declined). */
  const answerProxy = db.transaction(
    (accountId: string, paymentId: string, decision: { code: string } | 'decline') => {
      const req = db
        .prepare('SELECT * FROM proxy_requests WHERE payment_id = ? AND account_id = ?')
        .get(paymentId, accountId) as { code: string } | undefined;
      const row = byId(paymentId);
      if (!req || !row) throw new AcquirerError(404, 'not_found', 'no such proxy request');
      const p = expire(row);
      if (p.status !== 'user_paying')
        throw new AcquirerError(409, 'not_waiting', `this request is already ${p.status}`);
      // One try: a wrong code ends the request, so nobody can guess their way in.
      if (decision === 'decline') setStatus(p, 'failed', 'proxy_declined');
      else if (decision.code.trim() !== req.code) setStatus(p, 'failed', 'proxy_wrong_code');
      else charge(p, accountId);
      return answer(byId(paymentId)!);
    },
  );

  const qrRow = (token: string) =>
    db.prepare('SELECT * FROM qr_orders WHERE token = ?').get(token) as
      { payment_id: string; expires_at: number } | undefined;

  const qrView = (token: string): QrView | null => {
    const q = qrRow(token);
    if (!q) return null;
    const p = db.transaction(() => expire(byId(q.payment_id)!))();
    const state = p.status === 'user_paying' ? 'payable' : p.status === 'paid' ? 'used' : 'expired';
    return {
      token,
      state,
      merchant: p.merchant_id,
      amount: p.amount!,
      currency: p.currency!,
      goods: goodsOf(p),
      until: q.expires_at,
    };
  };

  /** A wallet that opened the token's URL pays it; a bound account under its limit needs no password. */
  const payQr = db.transaction((token: string, accountId: string, password: string) => {
    const q = qrRow(token);
    if (!q) throw new AcquirerError(404, 'qr_unknown', 'This QR code is not one of ours.');
    const p = expire(byId(q.payment_id)!);
    if (p.status === 'paid')
      throw new AcquirerError(409, 'qr_already_used', 'This QR code was already paid.');
    if (p.status !== 'user_paying')
      throw new AcquirerError(410, 'qr_expired', 'This QR code has expired; ask for a new one.');
    const acct = acquirer.account(accountId);
    if (!acct) throw new AcquirerError(404, 'not_found', `no wallet ${accountId}`);
    if (acct.currency !== p.currency)
      throw new AcquirerError(409, 'currency_mismatch', `this wallet holds ${acct.currency}`);
    if (p.amount! > acct.per_payment_limit)
      throw new AcquirerError(409, 'over_limit', 'over this wallet’s per-payment limit');
    const bound = boundFor(p.merchant_id, acct.id, p.amount!);
    if (!bound && password !== acct.password)
      throw new AcquirerError(403, 'wrong_password', 'the password is wrong');
    charge(p, acct.id);
    return answer(byId(p.payment_id)!);
  });

  return { proxyRequests, answerProxy, qrView, payQr };
}

export type CustomerActions = ReturnType<typeof createCustomerActions>;
