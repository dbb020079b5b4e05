import { randomBytes, randomInt } from 'node:crypto';
import type { PaymentNotices } from './payment-notify';
import type Database from 'better-sqlite3';
import type { PaymentPlatform } from '../src-main/contract/payment-code';
import { localDay } from '../src-main/lib/local-day';
import type { PayRequest, PaymentAnswer } from '../src-main/payment-api/api-schema';
import { resolveCredential } from './credential-resolver';
import { credentialSha256, orderConflict } from './order-conflict';
import { createRefund } from './sandbox-refund';

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

export interface PaymentRow {
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
  goods: string | null;
  waiting: 'password' | 'payer' | 'scan' | null;
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

/** Why a user_paying payment ended when nobody answered in time, by what it waited for. */
const TIMEOUT_REASON = { password: 'password_timeout', payer: 'proxy_timeout', scan: 'qr_expired' };

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
  opts: {
    now: () => number;
    userPayingTimeoutMs: number;
    /** How long a proxy payer has to confirm, and a merchant QR stays scannable. */
    proxyTimeoutMs: number;
    qrLifeMs: number;
    /** The sandbox's own address, for the QR token's URL (known once it listens). */
    baseUrl: () => string;
    /** Told of every status change, for stations waiting on a notification. */
    notices?: PaymentNotices;
  },
) {
  const { now } = opts;
  const answer = (p: PaymentRow): PaymentAnswer => {
    let action: PaymentAnswer['action'] = null;
    if (p.status === 'user_paying') {
      const qr = db
        .prepare('SELECT token FROM qr_orders WHERE payment_id = ?')
        .get(p.payment_id) as { token: string } | undefined;
      action = {
        kind: p.waiting ?? 'password',
        until: p.pending_until,
        url: qr ? `${opts.baseUrl()}/qr/${qr.token}` : null,
      };
    }
    return {
      merchantOrderNo: p.merchant_order_no,
      status: p.status,
      amount: p.amount,
      currency: p.currency,
      platform: (p.platform as PaymentPlatform | null) ?? null,
      paymentId: p.payment_id,
      reason: p.reason,
      refunded: p.refunded,
      action,
    };
  };
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
    opts.notices?.changed(p.merchant_id, p.merchant_order_no);
  };
  const debit = (accountId: string, amount: number) =>
    db.prepare('UPDATE accounts SET balance = balance - ? WHERE id = ?').run(amount, accountId);
  const credit = (accountId: string, amount: number) =>
    db.prepare('UPDATE accounts SET balance = balance + ? WHERE id = ?').run(amount, accountId);

  /** A user_paying payment past its deadline is cancelled the first time anyone looks. */
  const expire = (p: PaymentRow): PaymentRow => {
    if (p.status === 'user_paying' && p.pending_until !== null && p.pending_until <= now()) {
      setStatus(p, 'failed', TIMEOUT_REASON[p.waiting ?? 'password']);
      return getPayment(p.merchant_id, p.merchant_order_no)!;
    }
    return p;
  };

  /** A binding of this account to this merchant that covers the amount: no password needed. */
  const boundFor = (merchantId: string, accountId: string, amount: number) =>
    db
      .prepare(
        'SELECT id FROM bindings WHERE merchant_id = ? AND account_id = ? AND removed_at IS NULL AND max_amount >= ?',
      )
      .get(merchantId, accountId, amount) !== undefined;

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
      const found = resolveCredential(db, req, now(), out, merchantId);
      const acct = found.accountId ? account(found.accountId) : undefined;
      let status: PaymentAnswer['status'] = 'failed';
      let reason: string | null = found.reason ?? null;
      let waiting: PaymentRow['waiting'] = null;
      let waitMs = opts.userPayingTimeoutMs;
      if (found.waiting === 'scan') {
        status = 'user_paying';
        reason = 'waiting_for_scan';
        waiting = 'scan';
        waitMs = opts.qrLifeMs;
      } else if (acct) {
        out.platform ??= acct.platform;
        // A wallet holds one currency; charging CNY 10.00 to a USD wallet as USD 10.00 is wrong.
        if (req.currency !== acct.currency) reason = 'currency_mismatch';
        else if (req.amount > acct.per_payment_limit) reason = 'over_limit';
        else if (req.amount > acct.balance) reason = 'insufficient_funds';
        else if (found.waiting === 'payer') {
          status = 'user_paying';
          reason = 'waiting_for_payer';
          waiting = 'payer';
          waitMs = opts.proxyTimeoutMs;
        } else if (
          forceUserPaying ||
          (req.amount > acct.password_above && !boundFor(merchantId, acct.id, req.amount))
        ) {
          status = 'user_paying';
          reason = 'waiting_for_password';
          waiting = 'password';
        } else {
          debit(acct.id, req.amount);
          status = 'paid';
          reason = null;
        }
      }
      const t = now();
      const paymentId = `T${randomBytes(10).toString('hex')}`;
      db.prepare(
        `INSERT INTO payments (merchant_id, merchant_order_no, payment_id, amount, currency, platform,
           method, account_id, status, reason, created_at, pending_until, done_at, done_day,
           credential_sha256, goods, waiting)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        merchantId,
        req.merchantOrderNo,
        paymentId,
        req.amount,
        req.currency,
        out.platform,
        req.credential.kind,
        acct?.id ?? null,
        status,
        reason,
        t,
        status === 'user_paying' ? t + waitMs : null,
        status === 'paid' ? t : null,
        status === 'paid' ? localDay(t) : null,
        credentialSha256(req.credential),
        req.goods ? JSON.stringify(req.goods) : null,
        waiting,
      );
      if (waiting === 'payer' && req.credential.kind === 'proxy') {
        // The one-time code the payer reads off the verification picture and types back.
        db.prepare('INSERT INTO proxy_requests VALUES (?, ?, ?, ?, ?, ?)').run(
          paymentId,
          req.credential.proxyId,
          acct!.id,
          String(randomInt(1_000_000)).padStart(6, '0'),
          req.credential.scenePhoto ?? null,
          t,
        );
      }
      if (waiting === 'scan')
        db.prepare('INSERT INTO qr_orders VALUES (?, ?, ?)').run(
          randomBytes(18).toString('base64url'),
          paymentId,
          t + waitMs,
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
      if (p.status !== 'user_paying' || (p.waiting ?? 'password') !== 'password')
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

  const refund = createRefund(db, { now, getPayment, credit });

  /**
   * Issues a single-use payment code valid for 60 s, as the wallet page shows it; with a
   * binding, the member code for that one store (it pays only there, while the binding lasts).
   */
  const issueCode = (
    accountId: string,
    bindingId: string | null = null,
  ): { code: string; expiresAt: number; platform: PaymentPlatform } | null => {
    const acct = account(accountId);
    if (!acct) return null;
    const code = formatPaymentCode(acct.platform);
    const expiresAt = now() + CODE_LIFE_MS;
    db.prepare(
      'INSERT INTO codes (code, account_id, expires_at, used_at, binding_id) VALUES (?, ?, ?, NULL, ?)',
    ).run(code, accountId, expiresAt, bindingId);
    return { code, expiresAt, platform: acct.platform };
  };

  return {
    pay,
    query,
    reverse,
    refund,
    resolveUserPaying,
    issueCode,
    account,
    getPayment,
    wallets: () => db.prepare('SELECT id, name FROM accounts ORDER BY id').all() as AccountRow[],
    // For the payer's and the wallet's pages (customer-actions.ts).
    core: { db, now, answer, expire, setStatus, debit, boundFor },
  };
}

export type Acquirer = ReturnType<typeof createAcquirer>;
