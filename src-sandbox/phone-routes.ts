import type { ServerResponse } from 'node:http';
import { AcquirerError, type Acquirer } from './acquirer';
import type { CustomerActions } from './customer-actions';
import { sendError } from './http-util';
import { formatMinor, parseMinor } from '../src-main/contract/money';
import type { Bindings } from './bindings';
import { renderBindPage, renderPayerPage, renderQrPage, sendPage } from './phone-pages';

const REASON_TEXT: Record<string, string> = {
  proxy_wrong_code: 'The code did not match: the request was refused and nothing was paid.',
  proxy_declined: 'You declined: nothing was paid.',
  insufficient_funds: 'Not enough money in the account: nothing was paid.',
};

/**
 * Pages that stand for phones: `/bind/{merchantId}` is the payment system's binding page, `/proxy/{accountId}` is the proxy payer's phone (requests with
 * their verification picture, confirmed by typing the one-time code), `/qr/{token}` is what a
 * wallet opens when it scans a merchant QR. Forms post back to the same page; no scripts.
 */
export function handlePhone(
  ctx: { acquirer: Acquirer; actions: CustomerActions; bindings: Bindings; now: () => number },
  method: string,
  parts: string[],
  query: URLSearchParams,
  body: Buffer,
  res: ServerResponse,
): void {
  const { acquirer, actions, now } = ctx;
  const form = new URLSearchParams(method === 'POST' ? body.toString('utf8') : '');
  const fail = (error: unknown) =>
    error instanceof AcquirerError ? error : new AcquirerError(500, 'internal', String(error));

  if (parts[0] === 'bind') {
    const merchant = parts[1] ?? '';
    if (parts.length !== 2) return sendError(res, 404, 'not_found', 'no such page');
    if (method !== 'POST') return sendPage(res, 200, renderBindPage(merchant));
    try {
      const limit = parseMinor(form.get('limit') ?? '', 'CNY');
      const b = ctx.bindings.bind({
        merchantId: merchant,
        accountId: form.get('wallet') ?? '',
        phone: form.get('phone') ?? '',
        password: form.get('password') ?? '',
        maxAmount: limit ?? -1,
        agreed: form.get('agree') === 'yes',
      });
      const text = `Bound: ${b.accountName} pays ${merchant} without a password up to ${formatMinor(b.maxAmount)}.`;
      return sendPage(res, 200, renderBindPage(merchant, text, true));
    } catch (error) {
      const e = fail(error);
      return sendPage(res, e.status, renderBindPage(merchant, e.message));
    }
  }

  if (parts[0] === 'proxy') {
    const acct = acquirer.account(parts[1] ?? '');
    if (!acct) return sendError(res, 404, 'not_found', `no payer ${parts[1] ?? ''}`);
    let message: string | undefined;
    if (method === 'POST' && parts[2] === 'answer') {
      try {
        const a = actions.answerProxy(
          acct.id,
          form.get('payment') ?? '',
          form.get('action') === 'decline' ? 'decline' : { code: form.get('code') ?? '' },
        );
        message =
          a.status === 'paid' ? 'Paid. Thank you.' : (REASON_TEXT[a.reason ?? ''] ?? a.reason!);
      } catch (error) {
        message = fail(error).message;
      }
    } else if (method !== 'GET' || parts.length !== 2)
      return sendError(res, 404, 'not_found', 'no such page');
    return sendPage(
      res,
      200,
      renderPayerPage(acct.id, actions.proxyRequests(acct.id), now(), message),
    );
  }

  // /qr/{token}
  const token = parts[1] ?? '';
  if (parts.length !== 2) return sendError(res, 404, 'not_found', 'no such page');
  let message: string | undefined;
  let status = 200;
  if (method === 'POST') {
    try {
      actions.payQr(token, form.get('wallet') ?? '', form.get('password') ?? '');
      message = 'Paid. The store will see it in a moment.';
    } catch (error) {
      const e = fail(error);
      message = e.message;
      status = e.status;
    }
  } else if (method !== 'GET') return sendError(res, 404, 'not_found', 'no such page');
  const view = actions.qrView(token);
  if (!view) return sendError(res, 404, 'qr_unknown', 'This QR code is not one of ours.');
  if (view.state !== 'payable' && status === 200 && method === 'GET')
    status = view.state === 'used' ? 409 : 410;
  // A wallet app is signed in to one account; `?wallet=` stands for that.
  const only = query.get('wallet');
  const wallets = acquirer
    .wallets()
    .filter((w) => !only || w.id === only)
    .map((w) => ({ id: w.id, name: w.name }));
  sendPage(res, status, renderQrPage(view, wallets, now(), message));
}
