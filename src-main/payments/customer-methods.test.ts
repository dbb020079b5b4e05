import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentAction } from '../contract/credential';
import type { Sandbox } from '../../src-sandbox/server';
import type { SleepClock } from '../lib/clock';
import { admin, NEVER_ASKS, orderOf, stationFor, tempDir } from './test-support/harness';
import { sandboxIn } from '../../src-sandbox/test-support/sandbox-harness';

// Proxy payment and merchant QR through the real orchestrator and the sandbox over HTTP, with
// the payer's phone and the customer's wallet driven as a person would: through their pages.

const tmp = tempDir('cs-methods-');
let sandbox: Sandbox;
let quick: Sandbox;
beforeAll(async () => {
  sandbox = await sandboxIn(tmp.dir);
  mkdirSync(join(tmp.dir, 'q'));
  quick = await sandboxIn(join(tmp.dir, 'q'), { proxyTimeoutMs: 600, qrLifeMs: 600 });
});
afterAll(async () => {
  await sandbox.stop();
  await quick.stop();
  tmp.cleanup();
});

const PHOTO = `data:image/png;base64,${Buffer.from('scene').toString('base64')}`;

/** Starts a payment and resolves its action (what it waits for) as soon as it is known. */
function start(
  sb: Sandbox,
  credential: unknown,
  total = 2_500,
  file = `l${Math.random()}`,
  clock?: SleepClock,
) {
  let seen: (a: PaymentAction) => void = () => {};
  const action = new Promise<PaymentAction>((r) => (seen = r));
  const { ledger, service } = stationFor(
    sb.url,
    join(tmp.dir, `${file}.sqlite`),
    undefined,
    (_id, _s, d) => {
      if (d?.action) seen(d.action);
    },
    clock,
  );
  const order = orderOf(total);
  order.lines = [
    { id: 'a', name: 'Rice 5kg', quantity: '1', unitPrice: total - 500, amount: total - 500 },
    { id: 'b', name: 'Eggs', quantity: '2', unitPrice: 250, amount: 500 },
  ];
  const outcome = service.pay(order, credential).finally(() => {
    service.close();
  });
  return { outcome, action, ledger, order };
}

const form = (url: string, fields: Record<string, string>) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

/** The payer reads the code off the verification picture (an SVG data URL) on their phone. */
async function payerRequest(sb: Sandbox, payer = 'wx-alice') {
  const html = await (await fetch(`${sb.url}/proxy/${payer}`)).text();
  const payment = /name="payment" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const picture = /alt="verification picture" src="data:image\/svg\+xml;base64,([^"]+)"/.exec(
    html,
  )?.[1];
  const svg = Buffer.from(picture ?? '', 'base64').toString('utf8');
  return { html, svg, payment, code: /Code (\d{6})/.exec(svg)?.[1] ?? '' };
}

describe('proxy payment', () => {
  it('the payer sees the scene, the lines and a code, types it, and the order is paid', async () => {
    const p = start(sandbox, { kind: 'proxy', proxyId: '88880001', scenePhoto: PHOTO });
    expect(await p.action).toMatchObject({ kind: 'payer', url: null });
    // The payer's own wallet asks no password for it: only the proxy page can answer it.
    expect(await (await fetch(`${sandbox.url}/wallet/wx-alice`)).text()).not.toContain(
      'name="payment"',
    );
    const r = await payerRequest(sandbox);
    expect(r.svg).toContain('Rice 5kg');
    expect(r.svg).toContain(PHOTO);
    expect(r.html).toContain('Eggs');
    await form(`${sandbox.url}/proxy/wx-alice/answer`, {
      payment: r.payment,
      code: r.code,
      action: 'confirm',
    });
    expect(await p.outcome).toMatchObject({ status: 'paid' });
    // The payment system's records keep the order's lines.
    const rows = (await admin(sandbox, 'GET', '/admin/payments')) as {
      payments: { goods: string | null; merchant_order_no: string }[];
    };
    const row = rows.payments.find(
      (x) => x.merchant_order_no === p.ledger.attemptsForOrder(p.order.id)[0]!.id,
    );
    expect(JSON.parse(row!.goods!)).toEqual([
      { name: 'Rice 5kg', quantity: '1', unitPrice: 2000, amount: 2000 },
      { name: 'Eggs', quantity: '2', unitPrice: 250, amount: 500 },
    ]);
  });

  it('a wrong code or a decline ends it with nothing charged; the request is gone from the phone', async () => {
    for (const [fields, reason] of [
      [{ code: '000000x', action: 'confirm' }, 'proxy_wrong_code'],
      [{ code: '', action: 'decline' }, 'proxy_declined'],
    ] as const) {
      const p = start(sandbox, { kind: 'proxy', proxyId: '88880001' });
      await p.action;
      const r = await payerRequest(sandbox);
      const page = await (
        await form(`${sandbox.url}/proxy/wx-alice/answer`, { payment: r.payment, ...fields })
      ).text();
      expect(page).toContain('nothing was paid');
      expect(page).toContain('No request is waiting for you.');
      expect(await p.outcome).toMatchObject({ status: 'failed', reason });
    }
  });

  it('the guardian’s rules refuse at once: unknown ID, category, limit', async () => {
    const cases = [
      ['12345678', 1_000, 'proxy_unknown'],
      ['88880002', 1_000, 'proxy_category_not_allowed'],
      ['88880001', 20_001, 'proxy_amount_not_approved'],
    ] as const;
    for (const [proxyId, total, reason] of cases) {
      const p = start(sandbox, { kind: 'proxy', proxyId }, total);
      expect(await p.outcome).toMatchObject({ status: 'failed', reason });
    }
  });

  it('times out when the payer does not answer', async () => {
    const p = start(quick, { kind: 'proxy', proxyId: '88880001' });
    expect((await p.action).until).toBeGreaterThan(Date.now() - 1000);
    expect(await p.outcome).toMatchObject({ status: 'failed', reason: 'proxy_timeout' });
  });
});

describe('merchant-presented QR', () => {
  it('the wallet opens the token URL, sees the lines, pays; the station learns it; reuse is refused', async () => {
    const p = start(sandbox, { kind: 'merchant_qr' });
    const action = await p.action;
    expect(action).toMatchObject({ kind: 'scan' });
    expect(action.url).toMatch(/\/qr\/[\w-]{20,}$/);
    const page = await (await fetch(`${action.url}?wallet=ali-bob`)).text();
    expect(page).toContain('Rice 5kg');
    expect(page).toContain('<option value="ali-bob">');
    expect(page).not.toContain('wx-alice');
    const wrong = await form(action.url!, { wallet: 'ali-bob', password: '999999' });
    expect(wrong.status).toBe(403);
    const paid = await form(action.url!, { wallet: 'ali-bob', password: '123456' });
    expect(await paid.text()).toContain('Paid.');
    expect(await p.outcome).toMatchObject({ status: 'paid', platform: null });
    const again = await form(action.url!, { wallet: 'ali-bob', password: '123456' });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('already paid');
    expect((await fetch(action.url!)).status).toBe(409);
  });

  it('the station learns of the payment by notification: it never gets to ask', async () => {
    // Under NEVER_ASKS the station's query loop never wakes; only the payment system's
    // notification (GET /v1/payments/{no}/notify, held until the wallet pays) can end this.
    const p = start(sandbox, { kind: 'merchant_qr' }, 2_500, `n${Math.random()}`, NEVER_ASKS);
    const action = await p.action;
    const paid = await form(action.url!, { wallet: 'ali-bob', password: '123456' });
    expect(paid.status).toBe(200);
    const out = await p.outcome;
    expect(out).toMatchObject({ status: 'paid' });
    const states = p.ledger.attemptEvents(out.attemptId!).map((e) => e.state);
    expect(states).toEqual(['created', 'sending', 'user_paying', 'paid']);
    // An expired QR is told the same way, the moment its life ends.
    const q = start(quick, { kind: 'merchant_qr' }, 2_500, `n${Math.random()}`, NEVER_ASKS);
    expect(await q.outcome).toMatchObject({ status: 'failed', reason: 'qr_expired' });
  });

  it('an expired QR is refused on the wallet, and the payment fails with nothing charged', async () => {
    const p = start(quick, { kind: 'merchant_qr' });
    const action = await p.action;
    expect(await p.outcome).toMatchObject({ status: 'failed', reason: 'qr_expired' });
    const late = await form(action.url!, { wallet: 'ali-bob', password: '123456' });
    expect(late.status).toBe(410);
    expect(await late.text()).toContain('This QR code has expired');
  });
});
