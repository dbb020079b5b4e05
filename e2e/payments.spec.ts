import type { Page } from '@playwright/test';
import { expect, test } from './support/station';
import { shot } from './support/helpers';
import { openTill, type Till } from './support/till';

/**
 * Types a keyboard-wedge burst (digits back to back, then Enter) until `seen` passes. On a
 * loaded 2-core machine a burst can arrive too slowly to count as a scanner, exactly as a
 * slow scan would; the cashier scans again. Detection itself is tested from recorded traces.
 */
async function wedgeScan(page: Page, code: string, seen: () => Promise<void>): Promise<void> {
  await page.bringToFront();
  await expect(async () => {
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    await seen();
  }).toPass({ timeout: 25_000, intervals: [200] });
}

/** Sends an order of `total` minor units to the customer, who confirms it and picks `method`. */
async function orderToMethod(till: Till, total: number, method: string): Promise<void> {
  const submitted = await till.call('order.submit', {
    order: {
      lines: [{ id: 'l1', name: 'Olive oil 1L', quantity: '1', unitPrice: total, amount: total }],
      adjustments: [],
      total,
    },
  });
  await till.call('checkout.send', { revision: submitted.revision, acceptWarnings: false });
  await till.customer.getByRole('button', { name: 'Confirm' }).click();
  await till.customer.locator(`button[data-method="${method}"]`).click();
}

/** The current single-use code on the wallet page, as a phone would show it. */
async function walletCode(till: Till, account = 'wx-alice'): Promise<string> {
  await till.phone.goto(`${till.sandboxUrl}/wallet/${account}`);
  const code = await till.phone.locator('.code[data-code]').getAttribute('data-code');
  expect(code).toMatch(/^\d{16,24}$/);
  return code!;
}

test('a payment code typed into the cashier window pays against the sandbox; both screens show paid', async ({
  browser,
}) => {
  const till = await openTill(browser);
  try {
    const { cashier, customer } = till;
    await orderToMethod(till, 2350, 'code');
    await expect(
      customer.getByRole('heading', { name: 'Show your payment code to the scanner' }),
    ).toBeVisible();
    await expect(cashier.getByTestId('phase')).toHaveAttribute(
      'data-phase',
      'collecting_credential',
    );
    await shot(customer, 'pay-1-customer-code');

    // A code no platform uses is refused in the cashier window, before any network call.
    const entry = cashier.getByLabel('Scanner not reading? Type the payment code');
    await entry.fill('991234567890123456');
    await cashier.getByRole('button', { name: 'Pay with code' }).click();
    await expect(
      cashier.getByRole('alert').filter({ hasText: 'That code cannot pay' }),
    ).toContainText('no payment platform uses codes starting 99');
    await expect(cashier.getByTestId('phase')).toHaveAttribute(
      'data-phase',
      'collecting_credential',
    );
    await shot(cashier, 'pay-2-cashier-manual-code-refused');

    const code = await walletCode(till);
    await entry.fill(code);
    await cashier.getByRole('button', { name: 'Pay with code' }).click();

    await expect(customer.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
    await expect(customer.getByText('¥23.50')).toBeVisible();
    await expect(cashier.getByTestId('phase')).toHaveAttribute('data-phase', 'paid');
    await expect(cashier.getByTestId('payment-outcome')).toContainText('Paid');
    await expect(cashier.getByTestId('payment-panel')).toContainText('WeChat Pay');
    await shot(customer, 'pay-3-customer-paid');
    await shot(cashier, 'pay-3-cashier-paid');

    // The same code again is refused by the payment system: single use.
    await cashier.getByRole('button', { name: /New order/ }).click();
    await orderToMethod(till, 990, 'code');
    await entry.fill(code);
    await cashier.getByRole('button', { name: 'Pay with code' }).click();
    await expect(customer.getByTestId('pay-reason')).toHaveText(
      'That payment code was already used. Please show a new one.',
    );
    // The cashier reads a sentence to act on; the raw code is kept for support.
    await expect(cashier.getByTestId('payment-outcome')).toContainText(
      'Failed: That payment code was already used. Ask for a fresh code.',
    );
    await expect(cashier.getByTestId('payment-outcome')).toHaveAttribute(
      'data-reason',
      /^code_already_used/,
    );
    await shot(customer, 'pay-4-customer-failed-reason');
  } finally {
    await till.stop();
  }
});

test('a wedge scan on the customer display pays; above the password limit both screens ask for the password until it is entered on the phone', async ({
  browser,
}) => {
  const till = await openTill(browser);
  try {
    const { cashier, customer, phone: wallet } = till;
    // Amounts above payments.sandbox.passwordAbove (500.00 by default) wait for the password.
    await orderToMethod(till, 68800, 'code');
    await expect(
      customer.getByRole('heading', { name: 'Show your payment code to the scanner' }),
    ).toBeVisible();
    // A scanned barcode that is no payment code: refused with the reason, still collecting.
    await wedgeScan(customer, '991234567890123456', () =>
      expect(customer.getByTestId('code-refused')).toHaveText(
        'That code cannot be used: no payment platform uses codes starting 99',
        { timeout: 3_000 },
      ),
    );
    await expect(cashier.getByTestId('phase')).toHaveAttribute(
      'data-phase',
      'collecting_credential',
    );
    await shot(customer, 'pay-5-customer-code-refused');

    const code = await walletCode(till);
    // A keyboard-wedge scanner: the digits arrive back to back, then Enter.
    await wedgeScan(customer, code, () =>
      expect(
        customer.getByRole('heading', {
          name: 'Please enter your payment password on your phone.',
        }),
      ).toBeVisible({ timeout: 5_000 }),
    );
    await expect(cashier.getByTestId('password-wait')).toBeVisible();
    await expect(customer.locator('.pay-steps')).toContainText('Waiting for your password');
    await shot(customer, 'pay-5-customer-password');
    await shot(cashier, 'pay-5-cashier-password');

    // A second scan while the payment is in flight is refused, visibly, and changes nothing.
    await wedgeScan(customer, '134567890123456789', () =>
      expect(cashier.locator('.notice')).toHaveText(
        'A payment is already being authorized; that scan was not used',
        { timeout: 3_000 },
      ),
    );
    await expect(cashier.getByTestId('password-wait')).toBeVisible();

    // The customer types the password on the phone's wallet page.
    await wallet.goto(`${till.sandboxUrl}/wallet/wx-alice`);
    await wallet.getByLabel('Password').fill('123456');
    await wallet.getByRole('button', { name: 'Pay', exact: true }).click();

    await expect(customer.getByRole('heading', { name: 'Payment successful' })).toBeVisible({
      timeout: 20_000,
    });
    await expect(customer.getByText('¥688.00')).toBeVisible();
    await expect(cashier.getByTestId('phase')).toHaveAttribute('data-phase', 'paid');
  } finally {
    await till.stop();
  }
});

test('a scan at idle is ignored with a visible hint and nothing is charged', async ({
  browser,
}) => {
  const till = await openTill(browser);
  try {
    const { cashier, customer } = till;
    const code = await walletCode(till);
    await wedgeScan(customer, code, () =>
      expect(cashier.locator('.notice')).toHaveText(
        'Scan ignored: no payment is waiting for a payment code',
        { timeout: 3_000 },
      ),
    );
    await expect(cashier.getByTestId('phase')).toHaveAttribute('data-phase', 'idle');
    // The burst never landed anywhere on the display, and nothing was charged.
    await expect(customer.getByRole('heading', { name: 'Corner Market' })).toBeVisible();
    const history = (await till.call('payments.history', { limit: 10 })) as unknown as unknown[];
    expect(history).toEqual([]);
    await shot(cashier, 'pay-6-cashier-scan-ignored');
  } finally {
    await till.stop();
  }
});

// Face payment has its own spec (face-pay.spec.ts): real faces through the fake camera.
