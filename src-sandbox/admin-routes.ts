import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { currencySchema, minorUnitsSchema } from '../src-main/contract/money';
import { paymentPlatformSchema } from '../src-main/contract/payment-code';
import type { Acquirer } from './acquirer';
import { handleFaceEnrolRoute } from './face-routes';
import { faultSpecSchema, type FaultQueue } from './faults';
import { describeIssue, sendError, sendJson } from './http-util';
import type Database from 'better-sqlite3';

const accountSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{2,64}$/),
    name: z.string().min(1).max(80).optional(),
    platform: paymentPlatformSchema,
    balance: minorUnitsSchema.refine((v) => v >= 0, 'balance cannot be negative'),
    perPaymentLimit: minorUnitsSchema.optional(),
    password: z.string().min(4).max(32).optional(),
    passwordAbove: minorUnitsSchema.optional(),
    /** The wallet's currency; a payment in any other is declined (`currency_mismatch`). */
    currency: currencySchema.default('CNY'),
  })
  .strict();

/**
 * Test-control endpoints (fault injection, accounts, enrolments). They need the admin token,
 * which only whoever started the sandbox knows, and never touch the merchant API's signatures.
 */
export function handleAdmin(
  ctx: {
    db: Database.Database;
    acquirer: Acquirer;
    faults: FaultQueue;
    now: () => number;
    passwordAbove: number;
  },
  method: string,
  parts: string[],
  body: unknown,
  res: ServerResponse,
): void {
  const { db, acquirer, faults } = ctx;
  const bad = (issues: { path: PropertyKey[]; message: string }[]) =>
    sendError(res, 400, 'invalid_request', describeIssue(issues));
  const route = `${method} ${parts.join('/')}`;
  if (route === 'GET faults') return sendJson(res, 200, { faults: faults.pending() });
  if (route === 'DELETE faults') return (faults.clear(), sendJson(res, 200, { faults: [] }));
  if (route === 'POST faults') {
    const parsed = z
      .object({ faults: z.array(faultSpecSchema).min(1).max(100) })
      .strict()
      .safeParse(body);
    if (!parsed.success) return bad(parsed.error.issues);
    faults.add(parsed.data.faults);
    return sendJson(res, 200, { faults: faults.pending() });
  }
  if (route === 'POST accounts') {
    const parsed = accountSchema.safeParse(body);
    if (!parsed.success) return bad(parsed.error.issues);
    const a = parsed.data;
    db.prepare(
      `INSERT INTO accounts (id, name, platform, balance, per_payment_limit, password,
         password_above, currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET
         balance = excluded.balance, per_payment_limit = excluded.per_payment_limit,
         password = excluded.password, password_above = excluded.password_above,
         currency = excluded.currency`,
    ).run(
      a.id,
      a.name ?? a.id,
      a.platform,
      a.balance,
      a.perPaymentLimit ?? 5_000_000,
      a.password ?? '123456',
      a.passwordAbove ?? ctx.passwordAbove,
      a.currency,
    );
    return sendJson(res, 200, acquirer.account(a.id));
  }
  if (method === 'GET' && parts[0] === 'accounts' && parts.length === 2) {
    const acct = acquirer.account(parts[1]!);
    return acct
      ? sendJson(res, 200, acct)
      : sendError(res, 404, 'not_found', `no account ${parts[1]}`);
  }
  if (method === 'POST' && parts[0] === 'accounts' && parts[2] === 'codes') {
    const code = acquirer.issueCode(parts[1]!);
    return code
      ? sendJson(res, 200, code)
      : sendError(res, 404, 'not_found', `no account ${parts[1]}`);
  }
  if (route === 'POST faces') return handleFaceEnrolRoute(db, body, ctx.now(), res);
  if (route === 'POST proxy-payers') {
    // A relative's proxy ID with their guardian limits (tests; two are seeded).
    const parsed = z
      .object({
        proxyId: z.string().regex(/^\d{4,20}$/),
        accountId: z.string(),
        phone: z.string().min(4).max(20).default('138****0000'),
        maxAmount: minorUnitsSchema,
        categories: z.array(z.string().min(1).max(32)).max(20).default(['grocery']),
      })
      .strict()
      .safeParse(body);
    if (!parsed.success) return bad(parsed.error.issues);
    const p = parsed.data;
    if (!acquirer.account(p.accountId))
      return sendError(res, 404, 'not_found', `no account ${p.accountId}`);
    db.prepare('INSERT OR REPLACE INTO proxy_payers VALUES (?, ?, ?, ?, ?)').run(
      p.proxyId,
      p.accountId,
      p.phone,
      p.maxAmount,
      JSON.stringify(p.categories),
    );
    return sendJson(res, 200, { proxyId: p.proxyId });
  }
  if (
    method === 'POST' &&
    parts[0] === 'payments' &&
    (parts[2] === 'approve' || parts[2] === 'cancel')
  ) {
    return sendJson(res, 200, acquirer.resolveUserPaying(parts[1]!, parts[2]));
  }
  if (route === 'GET payments') {
    return sendJson(res, 200, {
      payments: db.prepare('SELECT * FROM payments ORDER BY created_at').all(),
    });
  }
  sendError(res, 404, 'not_found', `no admin route ${route}`);
}
