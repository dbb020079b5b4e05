import type { Page } from '@playwright/test';
import { expect, test, type Station } from './support/station';
import { shot } from './support/helpers';

/** Opens the customer display in its own browser context and pairs it through its UI. */
async function pairCustomer(station: Station, cashier: Page, customer: Page): Promise<void> {
  await customer.goto(station.customerUrl);
  await expect(customer.getByRole('heading', { name: 'Pair this display' })).toBeVisible();
  // An unpaired display shows nothing but the pairing page.
  await expect(customer.getByText('Corner Market')).toHaveCount(0);

  // A wrong code is refused with a message the customer can read.
  await customer.getByLabel('Pairing code').fill('000000');
  await customer.getByRole('button', { name: 'Pair', exact: true }).click();
  await expect(customer.getByRole('alert')).toContainText('That code did not work');
  await shot(customer, 'customer-0-pairing');

  await cashier.keyboard.press('Alt+P');
  const code = (await cashier.getByTestId('pairing-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^\d{6}$/);
  await shot(cashier, 'cashier-0-pairing');
  // Entered on the touch keypad, as a customer would.
  for (const digit of code)
    await customer.getByRole('button', { name: digit, exact: true }).click();
  await customer.getByRole('button', { name: 'Pair', exact: true }).click();
  await expect(customer.getByRole('heading', { name: 'Corner Market' })).toBeVisible();
  await expect(customer.getByText('Fresh bread every morning')).toBeVisible();
  await shot(customer, 'customer-0-idle');
  // The display keeps its device token: a reload goes straight back to the idle screen.
  await customer.reload();
  await expect(customer.getByRole('heading', { name: 'Corner Market' })).toBeVisible();
  await expect(customer.getByRole('heading', { name: 'Pair this display' })).toHaveCount(0);
  await cashier.keyboard.press('Escape'); // closes the pairing panel
}

test('cashier order → customer flags a line → cashier fixes and resends → customer confirms → method choice; Chinese', async ({
  station,
  browser,
}) => {
  const cashierContext = await browser.newContext();
  const customerContext = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const cashier = await cashierContext.newPage();
  const customer = await customerContext.newPage();
  await cashier.goto(station.cashierUrl);
  await expect(cashier.getByText('Connected')).toBeVisible();
  await pairCustomer(station, cashier, customer);

  // The cashier types the order without touching the mouse: Enter moves cell to cell and opens
  // a new line after the last amount; Alt+D adds a discount; Ctrl+Enter sends.
  await expect(cashier.getByLabel('Line 1 name')).toBeFocused();
  const k = cashier.keyboard;
  for (const step of [
    'Milk',
    'Enter',
    '2',
    'Enter',
    '6.50',
    'Enter',
    'Enter',
    'Bread',
    'Enter',
    '1',
    'Enter',
    '8',
    'Enter',
  ]) {
    if (step === 'Enter') await k.press('Enter');
    else {
      await k.press('ControlOrMeta+A');
      await k.type(step);
    }
  }
  await k.press('Alt+D');
  await k.type('Member discount');
  await k.press('Enter');
  await k.type('-2.00');
  await expect(cashier.getByLabel('Total')).toHaveValue('19.00');
  await shot(cashier, 'cashier-1-order');
  await k.press('Control+Enter');
  await expect(cashier.getByTestId('phase')).toHaveAttribute('data-phase', 'awaiting_confirmation');

  // The customer sees it, readable, and flags the milk.
  await expect(customer.getByRole('heading', { name: 'Please check your order' })).toBeVisible();
  await expect(customer.getByText('Milk')).toBeVisible();
  await expect(customer.getByTestId('customer-total')).toHaveText('¥19.00');
  await shot(customer, 'customer-1-order');
  await customer.getByRole('button', { name: 'Something is wrong' }).click();
  await customer.locator('[data-line-id] button', { hasText: 'Milk' }).click();
  await customer.getByRole('textbox').fill('I took only one milk');
  await expect(customer.getByText('1 line selected')).toBeVisible();
  await shot(customer, 'customer-2-flagging');
  await customer.getByRole('button', { name: 'Tell the cashier' }).click();
  await expect(customer.getByRole('heading', { name: /cashier is checking/ })).toBeVisible();

  // The cashier sees that line flagged, with the customer's note, and the cursor on it.
  await expect(cashier.getByTestId('phase')).toHaveAttribute('data-phase', 'disputed');
  const milkRow = cashier.locator('tr[data-flagged]');
  await expect(milkRow).toHaveCount(1);
  await expect(milkRow.getByLabel(/name/)).toHaveValue('Milk');
  await expect(milkRow).toContainText('Customer flagged');
  await expect(cashier.getByText('I took only one milk')).toBeVisible();
  await expect(milkRow.getByLabel(/name/)).toBeFocused();
  await shot(cashier, 'cashier-2-disputed');

  // Fix the quantity (Enter to reach it, keyboard only) and resend.
  await k.press('Enter');
  await k.press('ControlOrMeta+A');
  await k.type('1');
  await expect(cashier.getByLabel('Total')).toHaveValue('12.50');
  await k.press('Control+Enter');
  await expect(cashier.getByTestId('phase')).toHaveAttribute('data-phase', 'awaiting_confirmation');

  // The customer sees the corrected order and confirms; the method choice appears.
  await expect(customer.getByTestId('customer-total')).toHaveText('¥12.50');
  await expect(customer.getByText('1 × ¥6.50')).toBeVisible();
  await customer.getByRole('button', { name: 'Confirm' }).click();
  await expect(customer.getByRole('heading', { name: 'How would you like to pay?' })).toBeVisible();
  for (const m of ['code', 'face', 'proxy', 'qr'])
    await expect(customer.locator(`[data-method="${m}"]`)).toBeVisible();
  await expect(cashier.getByTestId('phase')).toHaveAttribute(
    'data-phase',
    /confirmed|choosing_method/,
  );
  await shot(customer, 'customer-3-methods');

  // Switching the display to Chinese shows Chinese.
  await customer.getByRole('button', { name: '中文' }).click();
  await expect(customer.getByRole('heading', { name: '请选择支付方式' })).toBeVisible();
  await expect(customer.getByText('付款码', { exact: true })).toBeVisible();
  await expect(customer.getByRole('button', { name: 'English' })).toBeVisible();
  await shot(customer, 'customer-4-methods-zh');
  await shot(cashier, 'cashier-3-confirmed');

  // Choosing a method moves both windows on; the display says what to do, still in Chinese.
  await customer.getByRole('button', { name: /付款码/ }).click();
  await expect(customer.getByRole('heading', { name: '请将付款码对准扫码器' })).toBeVisible();
  await expect(cashier.getByTestId('phase')).toHaveAttribute('data-phase', 'collecting_credential');

  await cashierContext.close();
  await customerContext.close();
});

test('an order whose numbers do not add up is not sent until the cashier accepts the warnings', async ({
  station,
  page,
}) => {
  await page.goto(station.cashierUrl);
  await expect(page.getByText('Connected')).toBeVisible();
  const k = page.keyboard;
  await k.type('Rice 5kg');
  await k.press('Enter');
  await k.press('Enter');
  await k.type('39.90');
  // Alt+N opens a line with the cursor in it; Ctrl+Delete removes the line being edited.
  await k.press('Alt+N');
  await expect(page.getByLabel('Line 2 name')).toBeFocused();
  await k.type('Oops');
  await k.press('Control+Delete');
  await expect(page.getByLabel('Line 2 name')).toHaveCount(0);
  await k.press('Alt+T');
  await expect(page.getByLabel('Total')).toBeFocused();
  await k.press('ControlOrMeta+A');
  await k.type('35.00');
  await k.press('Control+Enter');
  await expect(page.getByTestId('message')).toContainText('Ctrl+Shift+Enter');
  await expect(page.getByRole('region', { name: 'Warnings' })).toContainText('35.00');
  await expect(page.locator('td.cell.total.doubtful')).toHaveCount(1);
  await expect(page.getByTestId('phase')).toHaveAttribute('data-phase', 'review');
  await shot(page, 'cashier-warnings');
  await k.press('Control+Shift+Enter');
  await expect(page.getByTestId('phase')).toHaveAttribute('data-phase', 'awaiting_confirmation');
  // Esc cancels; Alt+R reopens the same order for review.
  await k.press('Escape');
  await expect(page.getByTestId('phase')).toHaveAttribute('data-phase', 'cancelled');
  await k.press('Alt+R');
  await expect(page.getByTestId('phase')).toHaveAttribute('data-phase', 'review');
  await expect(page.getByLabel('Line 1 name')).toHaveValue('Rice 5kg');
});
