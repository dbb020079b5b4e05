import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { BindingView } from '../src-main/payment-api/api-schema';
import { AcquirerError, type Acquirer } from './acquirer';

/** The most a binding may let through without a password (per payment). */
export const MAX_BOUND_AMOUNT = 500_000;

const mask = (phone: string) => phone.replace(/^(\d{3})\d+(\d{4})$/, '$1****$2');

/**
 * Wallet accounts bound to a merchant: bound once on the payment system's binding page with
 * the wallet's password and the holder's phone, a bound account's payments up to its bound
 * limit need no password. The customer removes a binding on the wallet page, the store through
 * the signed API; a removed binding stays as a record (removed_at).
 */
export function createBindings(db: Database.Database, acquirer: Acquirer) {
  const now = acquirer.core.now;
  const view = (r: Record<string, unknown>): BindingView => ({
    bindingId: r.id as string,
    accountId: r.account_id as string,
    accountName: r.name as string,
    platform: r.platform as BindingView['platform'],
    phone: mask(r.phone as string),
    maxAmount: r.max_amount as number,
    createdAt: r.created_at as number,
  });
  const active = (where: string, arg: string) =>
    (
      db
        .prepare(
          `SELECT b.*, a.name, a.platform FROM bindings b JOIN accounts a ON a.id = b.account_id
           WHERE b.removed_at IS NULL AND ${where} ORDER BY b.created_at, b.rowid`,
        )
        .all(arg) as Record<string, unknown>[]
    ).map(view);

  /** Binds (or re-binds with a new limit) after checking the wallet's password. */
  const bind = db.transaction(
    (f: {
      merchantId: string;
      accountId: string;
      phone: string;
      password: string;
      maxAmount: number;
      agreed: boolean;
    }) => {
      const acct = acquirer.account(f.accountId);
      if (!acct) throw new AcquirerError(404, 'not_found', `No wallet ${f.accountId}.`);
      if (!db.prepare('SELECT 1 FROM merchants WHERE id = ?').get(f.merchantId))
        throw new AcquirerError(404, 'not_found', `No store ${f.merchantId}.`);
      if (!f.agreed) throw new AcquirerError(400, 'not_agreed', 'Accept the agreement to bind.');
      if (!/^\d{6,15}$/.test(f.phone))
        throw new AcquirerError(400, 'invalid_phone', 'Type the phone number, digits only.');
      if (!Number.isSafeInteger(f.maxAmount) || f.maxAmount <= 0 || f.maxAmount > MAX_BOUND_AMOUNT)
        throw new AcquirerError(
          400,
          'invalid_limit',
          'The limit is more than 0 and at most 5,000.00.',
        );
      if (f.password !== acct.password)
        throw new AcquirerError(403, 'wrong_password', 'The password is wrong.');
      db.prepare(
        'UPDATE bindings SET removed_at = ? WHERE merchant_id = ? AND account_id = ? AND removed_at IS NULL',
      ).run(now(), f.merchantId, acct.id);
      const id = `B${randomBytes(8).toString('hex')}`;
      db.prepare('INSERT INTO bindings VALUES (?, ?, ?, ?, ?, ?, NULL)').run(
        id,
        f.merchantId,
        acct.id,
        f.phone,
        f.maxAmount,
        now(),
      );
      return active('b.id = ?', id)[0]!;
    },
  );

  /** Removes a binding of this merchant (the store) or of this account (the customer). */
  const remove = (by: { merchantId?: string; accountId?: string }, bindingId: string) => {
    const r = db
      .prepare(
        `UPDATE bindings SET removed_at = ? WHERE id = ? AND removed_at IS NULL
         AND (merchant_id = ? OR account_id = ?)`,
      )
      .run(now(), bindingId, by.merchantId ?? '', by.accountId ?? '');
    if (r.changes === 0) throw new AcquirerError(404, 'not_found', `No binding ${bindingId}.`);
  };

  return {
    bind,
    remove,
    forMerchant: (merchantId: string) => active('b.merchant_id = ?', merchantId),
    forAccount: (accountId: string) =>
      active('b.account_id = ?', accountId).map((b) => ({
        ...b,
        merchant: (
          db.prepare('SELECT merchant_id FROM bindings WHERE id = ?').get(b.bindingId) as {
            merchant_id: string;
          }
        ).merchant_id,
      })),
  };
}

export type Bindings = ReturnType<typeof createBindings>;
