import type { Page } from '@playwright/test';
import { shot } from './support/helpers';
import { expect, test } from './support/station';
import { choose, openTill, sendOrder, type Till } from './support/till';

// Proxy payment and merchant QR on a plain station: no admin calls, the proxy payer's phone
// and the customer's wallet are the sandbox's own pages, as a person would use them.

/** The customer types the relative's proxy ID and asks them to pay. */
async function requestProxy(till: Till, proxyId = '88880001'): Promise<void> {
  const { customer } = till;
  await choose(till, 'proxy');
  for (const d of proxyId) await customer.getByRole('button', { name: d, exact: true }).click();
  await customer.getByRole('button', { name: 'Request payment' }).click();
  await expect(
    customer.getByRole('heading', { name: 'Waiting for the person paying' }),
  ).toBeVisible();
  await expect(customer.getByTestId('pay-countdown')).toContainText(/\d:\d\d/);
  await expect(till.cashier.getByTestId('password-wait')).toContainText('person paying');
}

/** The payer's phone: the request with its verification picture, and the code it shows. */
async function payerRequest(till: Till): Promise<{ phone: Page; code: string }> {
  const { phone } = till;
  await phone.goto(`${till.sandboxUrl}/proxy/wx-alice`);
  const picture = phone.getByRole('img', { name: 'verification picture' });
  await expect(picture).toBeVisible();
  const src = (await picture.getAttribute('src')) ?? '';
  const svg = Buffer.from(src.replace(/^data:image\/svg\+xml;base64,/, ''), 'base64').toString();
  expect(svg).toContain('Jasmine rice 5kg');
  await expect(phone.getByRole('table', { name: 'order lines' })).toContainText('Eggs');
  return { phone, code: /Code (\d{6})/.exec(svg)![1]! };
}

/** A failed payment: the reason on the display, then the customer pays another way. */
async function failedThenOther(till: Till, reason: string): Promise<void> {
  const { customer } = till;
  await expect(customer.getByTestId('pay-reason')).toHaveText(reason, { timeout: 15_000 });
  await customer.getByRole('button', { name: 'Pay another way' }).click();
  await expect(customer.getByRole('heading', { name: 'How would you like to pay?' })).toBeVisible();
}

test('proxy payment: declined, wrong code and timed out end cleanly; then approved', async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const till = await openTill(browser, { proxyTimeoutMs: 5_000 });
  try {
    await sendOrder(till, 4_600);

    await requestProxy(till);
    await shot(till.customer, 'proxy-waiting');
    let r = await payerRequest(till);
    await shot(r.phone, 'proxy-payer-phone');
    await r.phone.getByRole('button', { name: 'Decline' }).click();
    await expect(r.phone.getByRole('status')).toHaveText('You declined: nothing was paid.');
    await failedThenOther(till, 'The person paying declined. You have not been charged.');

    await requestProxy(till);
    r = await payerRequest(till);
    await r.phone
      .getByLabel('Code from the picture')
      .fill(r.code === '123456' ? '654321' : '123456');
    await r.phone.getByRole('button', { name: 'Confirm and pay' }).click();
    await failedThenOther(
      till,
      'The code entered on their phone was wrong. You have not been charged.',
    );

    await requestProxy(till);
    await failedThenOther(
      till,
      'The person paying did not answer in time. You have not been charged.',
    );

    await requestProxy(till);
    r = await payerRequest(till);
    await r.phone.getByLabel('Code from the picture').fill(r.code);
    await r.phone.getByRole('button', { name: 'Confirm and pay' }).click();
    await expect(r.phone.getByRole('status')).toHaveText('Paid. Thank you.');
    await expect(till.customer.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
    await expect(till.cashier.getByTestId('payment-outcome')).toContainText('Paid');
  } finally {
    await till.stop();
  }
});

test('merchant QR: the wallet opens the token and pays, the display finishes by itself; used and expired tokens are refused', async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const till = await openTill(browser, { qrLifeMs: 6_000 });
  try {
    const { customer, phone } = till;
    await sendOrder(till, 2_800);
    await choose(till, 'qr');
    const qr = customer.getByRole('img', { name: 'Scan this code with your wallet app' });
    await expect(qr).toBeVisible();
    await expect(customer.getByRole('button', { name: 'I have paid' })).toHaveCount(0);
    const url = (await qr.getAttribute('data-url'))!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/qr\/[\w-]{20,}$/);
    await shot(customer, 'qr-shown');

    // "Scanning" is opening the token's address in the wallet, signed in as ali-bob.
    await phone.goto(`${url}?wallet=ali-bob`);
    await expect(phone.getByRole('table', { name: 'order lines' })).toContainText(
      'Jasmine rice 5kg',
    );
    await phone.getByLabel('Password').fill('123456');
    await phone.getByRole('button', { name: 'Pay' }).click();
    await expect(phone.getByRole('status')).toContainText('Paid.');
    await expect(customer.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
    await expect(till.cashier.getByTestId('payment-outcome')).toContainText('Paid');
    await phone.goto(url);
    await expect(phone.getByRole('alert')).toHaveText('This QR code was already used.');

    // A new order; nobody scans, the token expires, the display says so and offers the rest.
    await sendOrder(till, 1_900);
    await choose(till, 'qr');
    const next = (await qr.getAttribute('data-url'))!;
    expect(next).not.toBe(url);
    await failedThenOther(
      till,
      'The QR code expired before it was paid. You have not been charged.',
    );
    await phone.goto(`${next}?wallet=ali-bob`);
    await expect(phone.getByRole('alert')).toHaveText('This QR code has expired.');
  } finally {
    await till.stop();
  }
});
