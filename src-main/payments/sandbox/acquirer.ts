import { randomBytes, randomInt } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { PaymentPlatform } from '../../contract/payment-code';
import { localDay } from '../../ledger/local-day';
import type { PayRequest, PaymentAnswer, RefundAnswer, RefundRequest } from '../api-schema';
import { resolveCredential } from './credential-resolver';
import { credentialSha256, orderConflict } from './order-conflict';

/** A refusal the HTTP layer turns into a 4xx with this code and message. */
export class AcquirerError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface PaymentRow {
  merchant_id: string;
  merchant_order_no: string;
  payment_id: string;
  amount: number | null;
  currency: string | null;
  platform: string | null;
  account_id: string | null;
  status: PaymentAnswer['status'];
  reason: string | null;
  refunded: number;
  pending_until: number | null;
  credential_sha256: string | null;
}

export interface AccountRow {
  id: string;
  name: string;
  platform: PaymentPlatform;
  balance: number;
  per_payment_limit: number;
  password: string;
  password_above: number;
  currency: string;
}

const CODE_LIFE_MS = 60_000;

const answer = (p: PaymentRow): PaymentAnswer => ({
  merchantOrderNo: p.merchant_order_no,
  status: p.status,
  amount: p.amount,
  currency: p.currency,
  platform: (p.platform as PaymentPlatform | null) ?? null,
  paymentId: p.payment_id,
  reason: p.reason,
  refunded: p.refunded,
});

/** A fresh payment code in the platform's format (prefix decides the platform). */
export function formatPaymentCode(platform: PaymentPlatform): string {
  const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');
  if (platform === 'wechat') return `1${randomInt(6)}${digits(16)}`;
  if (platform === 'alipay') return `${25 + randomInt(6)}${digits(16)}`;
  return `62${digits(17)}`;
}

/**
 * The acquirer's business rules over its database: charging wallets, "user paying" with a
 * password, reversal, refunds never beyond the paid amount, statements. Every mutation runs in
 * one SQLite transaction, so a crash of the sandbox never leaves money half-moved.
 */
export function createAcquirer(
  db: Database.Database,
  opts: { now: () => number; userPayingTimeoutMs: number },
) {
  const { now } = opts;
  const getPayment = (merchantId: string, no: string) =>
    db
      .prepare('SELECT * FROM payments WHERE merchant_id = ? AND merchant_order_no = ?')
      .get(merchantId, no) as PaymentRow | undefined;
  const account = (id: string) =>
    db.prepare('SELECT * FROM accounts WHERE id = ?').get(id) as AccountRow | undefined;
  const setStatus = (p: PaymentRow, status: PaymentAnswer['status'], reason: string | null) => {
    const at = now();
    const final = status === 'paid' || status === 'reversed';
    db.prepare(
      `UPDATE payments SET status = ?, reason = ?, done_at = ?, done_day = ?, pending_until = NULL
       WHERE merchant_id = ? AND merchant_order_no = ?`,
    ).run(
      status,
      reason,
      final ? at : null,
      final ? localDay(at) : null,
      p.merchant_id,
      p.merchant_order_no,
    );
  };
  const debit = (accountId: string, amount: number) =>
    db.prepare('UPDATE accounts SET balance = balance - ? WHERE id = ?').run(amount, accountId);
  const credit = (accountId: string, amount: number) =>
    db.prepare('UPDATE accounts SET balance = balance + ? WHERE id = ?').run(amount, accountId);

  /** A user_paying payment past its deadline is cancelled the first time anyone looks. */
  const expire = (p: PaymentRow): PaymentRow => {
    if (p.status === 'user_paying' && p.pending_until !== null && p.pending_until <= now()) {
      setStatus(p, 'failed', 'password_timeout');
      return getPayment(p.merchant_id, p.merchant_order_no)!;
    }
    return p;
  };

  const resolveAccount = (req: PayRequest, out: { platform: PaymentPlatform | null }) =>
    resolveCredential(db, req, now(), out);

  const pay = db.transaction(
    (merchantId: string, req: PayRequest, forceUserPaying: boolean): PaymentAnswer => {
      const existing = getPayment(merchantId, req.merchantOrderNo);
      if (existing) {
        // Idempotent: the same request again answers with what happened the first time.
        const conflict = orderConflict(existing, req);
        if (conflict) throw new AcquirerError(409, 'order_conflict', conflict);
        return answer(expire(existing));
      }
      const out = { platform: null as PaymentPlatform | null };
      const found = resolveAccount(req, out);
      const acct = found.accountId ? account(found.accountId) : undefined;
      let status: PaymentAnswer['status'] = 'failed';
      let reason: string | null = found.reason ?? null;
      if (acct) {
        out.platform ??= acct.platform;
        // A wallet holds one currency; charging CNY 10.00 to a USD wallet as USD 10.00 is wrong.
        if (req.currency !== acct.currency) reason = 'currency_mismatch';
        else if (req.amount > acct.per_payment_limit) reason = 'over_limit';
        else if (req.amount > acct.balance) reason = 'insufficient_funds';
        else if (forceUserPaying || req.amount > acct.password_above) {
          status = 'user_paying';
          reason = 'waiting_for_password';
        } else {
          debit(acct.id, req.amount);
          status = 'paid';
          reason = null;
        }
      }
      const t = now();
      db.prepare(
        `INSERT INTO payments (merchant_id, merchant_order_no, payment_id, amount, currency, platform,
           method, account_id, status, reason, created_at, pending_until, done_at, done_day,
           credential_sha256)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        merchantId,
        req.merchantOrderNo,
        `T${randomBytes(10).toString('hex')}`,
        req.amount,
        req.currency,
        out.platform,
        req.credential.kind,
        acct?.id ?? null,
        status,
        reason,
        t,
        status === 'user_paying' ? t + opts.userPayingTimeoutMs : null,
        status === 'paid' ? t : null,
        status === 'paid' ? localDay(t) : null,
        credentialSha256(req.credential),
      );
      return answer(getPayment(merchantId, req.merchantOrderNo)!);
    },
  );

  const query = (merchantId: string, no: string): PaymentAnswer | null => {
    const p = getPayment(merchantId, no);
    return p ? answer(db.transaction(() => expire(p))()) : null;
  };

  /** The customer answered the password prompt (or cancelled it). */
  const resolveUserPaying = db.transaction(
    (paymentId: string, decision: { password: string } | 'cancel' | 'approve'): PaymentAnswer => {
      const row = db.prepare('SELECT * FROM payments WHERE payment_id = ?').get(paymentId) as
        PaymentRow | undefined;
      if (!row) throw new AcquirerError(404, 'not_found', `no payment ${paymentId}`);
      const p = expire(row);
      if (p.status !== 'user_paying')
        throw new AcquirerError(
          409,
          'not_waiting',
          `payment is ${p.status}, not waiting for a password`,
        );
      if (decision === 'cancel') setStatus(p, 'failed', 'user_cancelled');
      else {
        const acct = account(p.account_id!)!;
        if (decision !== 'approve' && decision.password !== acct.password)
          throw new AcquirerError(403, 'wrong_password', 'the password is wrong');
        if (acct.balance < p.amount!) setStatus(p, 'failed', 'insufficient_funds');
        else {
          debit(acct.id, p.amount!);
          setStatus(p, 'paid', null);
        }
      }
      return answer(getPayment(p.merchant_id, p.merchant_order_no)!);
    },
  );

  const reverse = db.transaction((merchantId: string, no: string): PaymentAnswer => {
    const found = getPayment(merchantId, no);
    if (!found) {
      // A tombstone, so a pay request still in flight can never charge after the reversal.
      const t = now();
      db.prepare(
        `INSERT INTO payments (merchant_id, merchant_order_no, payment_id, status, reason, created_at, done_at, done_day)
         VALUES (?, ?, ?, 'reversed', 'reversed_before_payment', ?, NULL, NULL)`,
      ).run(merchantId, no, `T${randomBytes(10).toString('hex')}`, t);
      return answer(getPayment(merchantId, no)!);
    }
    const p = expire(found);
    if (p.status === 'paid') {
      if (p.refunded > 0)
        throw new AcquirerError(
          409,
          'has_refunds',
          `payment ${no} has refunds; refund the rest instead`,
        );
      credit(p.account_id!, p.amount!);
      setStatus(p, 'reversed', 'reversed');
    } else if (p.status === 'user_paying') setStatus(p, 'reversed', 'reversed_while_user_paying');
    return answer(getPayment(merchantId, no)!);
  });

  const refund = db.transaction((merchantId: string, req: RefundRequest): RefundAnswer => {
    const p = getPayment(merchantId, req.merchantOrderNo);
    if (!p) throw new AcquirerError(404, 'not_found', `no payment ${req.merchantOrderNo}`);
    const prior = db
      .prepare('SELECT * FROM refunds WHERE merchant_id = ? AND refund_no = ?')
      .get(merchantId, req.refundNo) as { amount: number; merchant_order_no: string } | undefined;
    if (prior) {
      if (prior.amount !== req.amount || prior.merchant_order_no !== req.merchantOrderNo)
        throw new AcquirerError(
          409,
          'refund_conflict',
          `refund ${req.refundNo} exists with other details`,
        );
      return {
        refundNo: req.refundNo,
        merchantOrderNo: p.merchant_order_no,
        status: 'succeeded',
        amount: prior.amount,
        refundedTotal: p.refunded,
      };
    }
    if (p.status !== 'paid')
      throw new AcquirerError(409, 'not_paid', `payment ${req.merchantOrderNo} is ${p.status}`);
    if (p.refunded + req.amount > p.amount!)
      throw new AcquirerError(
        409,
        'refund_exceeds_paid',
        `refunding ${req.amount} would exceed the paid ${p.amount} (already refunded ${p.refunded})`,
      );
    const t = now();
    db.prepare('INSERT INTO refunds VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      merchantId,
      req.refundNo,
      req.merchantOrderNo,
      req.amount,
      req.reason,
      t,
      localDay(t),
    );
    db.prepare(
      'UPDATE payments SET refunded = refunded + ? WHERE merchant_id = ? AND merchant_order_no = ?',
    ).run(req.amount, merchantId, req.merchantOrderNo);
    credit(p.account_id!, req.amount);
    return {
      refundNo: req.refundNo,
      merchantOrderNo: req.merchantOrderNo,
      status: 'succeeded',
      amount: req.amount,
      refundedTotal: p.refunded + req.amount,
    };
  });

  /** Issues a single-use payment code valid for 60 s, as the wallet page shows it. */
  const issueCode = (
    accountId: string,
  ): { code: string; expiresAt: number; platform: PaymentPlatform } | null => {
    const acct = account(accountId);
    if (!acct) return null;
    const code = formatPaymentCode(acct.platform);
    const expiresAt = now() + CODE_LIFE_MS;
    db.prepare('INSERT INTO codes VALUES (?, ?, ?, NULL)').run(code, accountId, expiresAt);
    return { code, expiresAt, platform: acct.platform };
  };

  return { pay, query, reverse, refund, resolveUserPaying, issueCode, account, getPayment };
}

export type Acquirer = ReturnType<typeof createAcquirer>;
