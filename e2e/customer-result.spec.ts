import { expect, test } from './support/station';
import { openCashier } from './support/raw-ws';
import { pairWithCode } from './support/helpers';

// A short result time so the display's return to idle is seen within the test.
test.use({
  stationConfig: {
    store: { name: 'Corner Market', message: 'Fresh bread every morning' },
    customer: { language: 'en', resultSeconds: 2 },
  },
});

test('a cancelled checkout shows its result, then the display returns to idle in the station language', async ({
  station,
  page,
}) => {
  // The cashier drives the station over its own WebSocket; the display is paired through its UI.
  const cashier = await openCashier(station.wsUrl, station.cashierUrl);
  let id = 1;
  const call = async (command: string, input: unknown) => {
    const reply = await cashier.call(id++, command, input);
    const result = reply.result as { ok: boolean; value: { code: string; revision: number } };
    expect(result?.ok, `${command}: ${JSON.stringify(reply)}`).toBe(true);
    return result.value;
  };
  const { code } = await call('pairing.create', {});
  await pairWithCode(page, station.customerUrl, code);

  const submitted = await call('order.submit', {
    order: {
      lines: [{ id: 'l1', name: 'Coffee beans', quantity: '1', unitPrice: 5800, amount: 5800 }],
      adjustments: [],
      total: 5800,
    },
  });
  await call('checkout.send', { revision: submitted.revision, acceptWarnings: false });
  await expect(page.getByTestId('customer-total')).toHaveText('¥58.00');

  // The customer switches to Chinese; the order screen follows.
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '请核对您的订单' })).toBeVisible();
  await expect(page.getByRole('button', { name: '确认' })).toBeVisible();

  await call('checkout.cancel', { reason: 'customer left' });
  await expect(page.getByRole('heading', { name: '本次结账已取消' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('customer-cancelled-zh.png') });

  // By itself (the station resets after resultSeconds), back to idle — and to English for the next customer.
  await expect(page.getByText('Fresh bread every morning')).toBeVisible({ timeout: 8_000 });
  await expect(page.getByRole('button', { name: '中文' })).toBeVisible();
  await expect(page.locator('[data-screen]')).toHaveAttribute('data-screen', 'idle');
  cashier.close();
});
