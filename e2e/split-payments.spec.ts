import type { Page } from '@playwright/test';
import { shot } from './support/helpers';
import { expect, test } from './support/station';
import { choose, openTill, sendOrder, type Till } from './support/till';

// An order over the seeded wallets' per-payment limit (50,000.00), paid in parts from the
// cashier window and the customer display, with codes from the sandbox's wallet pages.

/** A fresh code from a wallet page, as the customer's phone shows it. */
async function walletCode(till: Till, account: string): Promise<string> {
  await till.phone.goto(`${till.sandboxUrl}/wallet/${account}`);
  return (await till.phone.locator('.code[data-code]').getAttribute('data-code'))!;
}

/** The customer picks the payment code and the cashier types it (the scanner path has its own tests). */
async function payCode(till: Till, code: string): Promise<void> {
  await choose(till, 'code');
  await till.cashier.getByLabel('Scanner not reading? Type the payment code').fill(code);
  await till.cashier.getByRole('button', { name: 'Pay with code' }).click();
}

async function setPart(cashier: Page, amount: string): Promise<void> {
  await cashier.getByLabel('Next payment (split over a limit)').fill(amount);
  await cashier.getByRole('button', { name: 'Set part' }).click();
  const shown = amount.replace(/\B(?=(\d{3})+\.)/g, ',');
  await expect(cashier.getByTestId('split-left')).toContainText(`next payment ${shown}`);
}

test('a 3-part split: one part fails and the rest is paid; a cancelled split refunds its paid parts', async ({
  browser,
}) => {
  test.setTimeout(60_000);
  // No password prompts (they have their own tests): each part pays at once.
  const till = await openTill(browser, { passwordAbove: 10_000_000 });
  try {
    const { cashier, customer } = till;
    await sendOrder(till, 12_000_000);
    const summary = customer.getByTestId('split-summary');

    // The whole is over the account's limit.
    await payCode(till, await walletCode(till, 'wx-alice'));
    await expect(customer.getByTestId('pay-reason')).toHaveText(
      'The amount is over the account’s payment limit.',
    );
    await setPart(cashier, '40000.00');
    await customer.getByRole('button', { name: 'Pay another way' }).click();
    const first = await walletCode(till, 'wx-alice');
    await payCode(till, first);
    await expect(summary).toHaveText(
      '¥40,000.00 paid in 1 part; ¥80,000.00 of ¥120,000.00 left to pay.',
    );

    // Part 2 with an old code fails; the paid part stays, the rest stays payable.
    await setPart(cashier, '40000.00');
    await payCode(till, first);
    await expect(customer.getByTestId('pay-reason')).toHaveText(
      'That payment code was already used. Please show a new one.',
    );
    await expect(summary).toContainText('¥40,000.00 paid in 1 part');
    await shot(customer, 'split-failed-part');
    await customer.getByRole('button', { name: 'Pay another way' }).click();
    await payCode(till, await walletCode(till, 'ali-bob'));
    await expect(summary).toContainText('¥80,000.00 paid in 2 parts; ¥40,000.00');

    // The rest (no part set) with a third wallet: the order is paid.
    await payCode(till, await walletCode(till, 'up-carol'));
    await expect(customer.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
    await expect(cashier.getByRole('list', { name: 'Parts paid' }).locator('li')).toHaveCount(3);
    await shot(cashier, 'split-paid-cashier');

    // A second order: two parts paid, then the cashier cancels; both are refunded.
    // This time the customer splits it on the display, after the whole failed: three equal parts.
    await sendOrder(till, 9_000_000);
    await expect(customer.getByRole('button', { name: 'Pay in 3 parts' })).toHaveCount(0);
    await payCode(till, await walletCode(till, 'wx-alice'));
    await customer.getByRole('button', { name: 'Pay another way' }).click();
    await customer.getByRole('button', { name: 'Pay in 3 parts' }).click();
    await expect(cashier.getByTestId('split-left')).toContainText('next payment 30,000.00');
    await payCode(till, await walletCode(till, 'wx-alice'));
    await payCode(till, await walletCode(till, 'ali-bob'));
    await expect(summary).toContainText('¥60,000.00 paid in 2 parts');
    await shot(customer, 'split-methods-customer');
    await cashier.getByRole('button', { name: 'Cancel checkout' }).click();
    await expect(cashier.locator('.notice')).toHaveText('2 paid part(s) refunded');
    await till.phone.goto(`${till.sandboxUrl}/wallet/ali-bob`);
    // ali-bob paid 40,000.00 of the first order and nothing of the cancelled one.
    await expect(till.phone.getByText('balance 960,000.00')).toBeVisible();
  } finally {
    await till.stop();
  }
});
