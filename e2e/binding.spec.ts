import { shot } from './support/helpers';
import { expect, test } from './support/station';
import { choose, openTill, sendOrder } from './support/till';

// Binding on a plain station: the customer binds the wallet once on the payment system's page
// (the QR beside the payment code), then pays 600.00 (over the 500.00 password threshold) by
// showing the member code its wallet now shows for this store, without a password; 1,500.00,
// over the bound limit, asks for the password as usual; the store sees and removes the binding
// in the cashier window.

test('a bound wallet pays by its member code without a password; the store removes the binding', async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const till = await openTill(browser);
  try {
    const { cashier, customer, phone } = till;
    await sendOrder(till, 60_000);
    await choose(till, 'code');
    const offer = customer.getByRole('img', { name: 'Bind your wallet to this store' });
    await expect(offer).toBeVisible();
    await shot(customer, 'bind-offer');

    await phone.goto((await offer.getAttribute('data-url'))!);
    await phone.getByLabel('Wallet account').fill('wx-alice');
    await phone.getByLabel('Phone number').fill('13800000001');
    await phone.getByLabel('Limit per payment').fill('1000.00');
    await phone.getByLabel('I agree').check();
    await phone.getByRole('textbox', { name: 'Password' }).fill('123456');
    await phone.getByRole('button', { name: 'Bind' }).click();
    await expect(phone.getByRole('status')).toContainText('without a password up to 1,000.00');

    await phone.goto(`${till.sandboxUrl}/wallet/wx-alice`);
    const member = phone.getByRole('region', { name: 'Member code for M100001' });
    await expect(member.getByRole('img', { name: /member code barcode/ })).toBeVisible();
    await shot(phone, 'bind-member-code');
    const code = (await member.locator('[data-member-code]').getAttribute('data-member-code'))!;
    await cashier.getByLabel('Scanner not reading? Type the payment code').fill(code);
    await cashier.getByRole('button', { name: 'Pay with code' }).click();
    // No password is asked: paid at once.
    await expect(customer.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
    await expect(cashier.getByTestId('payment-outcome')).toContainText('Paid');

    // 1,500.00 is over the bound 1,000.00: the member code takes the normal path, the password.
    await sendOrder(till, 150_000);
    await choose(till, 'code');
    await phone.goto(`${till.sandboxUrl}/wallet/wx-alice`);
    const over = (await member.locator('[data-member-code]').getAttribute('data-member-code'))!;
    await cashier.getByLabel('Scanner not reading? Type the payment code').fill(over);
    await cashier.getByRole('button', { name: 'Pay with code' }).click();
    await expect(
      customer.getByRole('heading', { name: 'Please enter your payment password on your phone.' }),
    ).toBeVisible();
    await phone.goto(`${till.sandboxUrl}/wallet/wx-alice`);
    await phone.getByLabel('Password').fill('123456');
    await phone.getByRole('button', { name: 'Pay', exact: true }).click();
    await expect(customer.getByRole('heading', { name: 'Payment successful' })).toBeVisible({
      timeout: 20_000,
    });

    await cashier.getByRole('button', { name: 'Back office' }).click();
    await cashier.getByRole('tab', { name: 'Bindings' }).click();
    const table = cashier.getByRole('table', { name: 'Wallets bound to this store' });
    await expect(table).toContainText('Alice');
    await expect(table).toContainText('138****0001');
    await shot(cashier, 'bindings-cashier');
    await table.getByRole('button', { name: 'Remove' }).click();
    await expect(cashier.getByTestId('bindings-empty')).toBeVisible();
  } finally {
    await till.stop();
  }
});
