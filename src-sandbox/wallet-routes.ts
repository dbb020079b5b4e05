import type { ServerResponse } from 'node:http';
import type Database from 'better-sqlite3';
import { AcquirerError, type Acquirer } from './acquirer';
import type { GoodsLine } from '../src-main/payment-api/api-schema';
import type { Bindings } from './bindings';
import { sendError } from './http-util';
import { renderWalletPage, WALLET_CSP } from './wallet-page';

/**
 * The customer's phone: GET /wallet/ID shows a fresh single-use code and any payment waiting
 * for the password; POST /wallet/ID/confirm takes the password (or a cancel) for one of them.
 */
export async function handleWallet(
  ctx: { db: Database.Database; acquirer: Acquirer; bindings: Bindings; now: () => number },
  method: string,
  parts: string[],
  body: Buffer,
  res: ServerResponse,
): Promise<void> {
  const { db, acquirer, now } = ctx;
  const acct = acquirer.account(parts[1] ?? '');
  if (!acct) return sendError(res, 404, 'not_found', `no wallet ${parts[1] ?? ''}`);
  let message: string | undefined;
  if (method === 'POST' && parts[2] === 'unbind') {
    // The customer ends a binding of this wallet; the store's payments need the password again.
    try {
      ctx.bindings.remove(
        { accountId: acct.id },
        new URLSearchParams(body.toString('utf8')).get('binding') ?? '',
      );
      message = 'Binding removed.';
    } catch (error) {
      message =
        error instanceof AcquirerError ? error.message : 'The binding could not be removed.';
    }
  } else if (method === 'POST' && parts[2] === 'confirm') {
    const form = new URLSearchParams(body.toString('utf8'));
    const paymentId = form.get('payment') ?? '';
    const owned = db
      .prepare('SELECT 1 FROM payments WHERE payment_id = ? AND account_id = ?')
      .get(paymentId, acct.id);
    if (!owned) message = 'That payment is not waiting on this wallet.';
    else {
      try {
        const a = acquirer.resolveUserPaying(
          paymentId,
          form.get('action') === 'cancel' ? 'cancel' : { password: form.get('password') ?? '' },
        );
        message = a.status === 'paid' ? 'Paid.' : `Payment ${a.reason ?? a.status}.`;
      } catch (error) {
        message =
          error instanceof AcquirerError ? error.message : 'The payment could not be confirmed.';
      }
    }
  } else if (method !== 'GET' || parts.length !== 2)
    return sendError(res, 404, 'not_found', 'no such wallet page');
  const code = acquirer.issueCode(acct.id)!;
  const fresh = acquirer.account(acct.id)!;
  const pending = db
    .prepare(
      "SELECT payment_id AS paymentId, amount, currency, goods FROM payments WHERE account_id = ? AND status = 'user_paying' AND pending_until > ? AND (waiting IS NULL OR waiting = 'password')",
    )
    .all(acct.id, now()) as {
    paymentId: string;
    amount: number;
    currency: string;
    goods: string | null;
  }[];
  const html = await renderWalletPage({
    accountId: acct.id,
    name: acct.name,
    platform: acct.platform,
    balance: fresh.balance,
    code: code.code,
    expiresInSeconds: Math.round((code.expiresAt - now()) / 1000),
    // The order's lines, so the customer sees what the password pays for.
    pending: pending.map((p) => ({
      ...p,
      goods: p.goods ? (JSON.parse(p.goods) as GoodsLine[]) : [],
    })),
    // Each bound store's member code: shown at that store, it pays without a password.
    bindings: ctx.bindings.forAccount(acct.id).map((b) => ({
      ...b,
      memberCode: acquirer.issueCode(acct.id, b.bindingId)!.code,
    })),
    message,
  });
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': WALLET_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  res.end(html);
}
