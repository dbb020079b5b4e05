import type { Page } from '@playwright/test';
import { E2E_CONFIG, expect, test } from './support/station';
import { artifact, pairWithCode } from './support/helpers';

/** Types into the focused cell after selecting what is there, as a cashier overtyping would. */
async function typeCells(page: Page, steps: string[]): Promise<void> {
  for (const step of steps) {
    if (step === 'Enter') await page.keyboard.press('Enter');
    else await page.keyboard.type(step);
  }
}

test('money safety in the order editor: discounts lower, surcharges are their own kind, ambiguous numbers are refused, amounts follow qty × price, drafts are not thrown away', async ({
  station,
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(station.cashierUrl);
  await expect(page.getByTestId('connection')).toHaveText('Connected');
  // The top bar names the store once, not the product twice.
  await expect(page.locator('.brand')).toHaveText(/✓\s*Corner Market$/);
  const k = page.keyboard;

  // Entering a cell selects it: Enter onto the default quantity "1" and typing 2 gives 2, not 12.
  await typeCells(page, ['Rice', 'Enter', '2', 'Enter', '32.70', 'Enter']);
  await expect(page.getByLabel('Line 1 quantity')).toHaveValue('2');
  // The amount is qty × price and cannot be typed into by accident.
  const amount1 = page.getByLabel('Line 1 amount');
  await expect(amount1).toHaveValue('65.40');
  await expect(amount1).toHaveAttribute('readonly', '');
  await expect(amount1).toBeFocused();
  await k.type('9.00Pork bun');
  await expect(amount1).toHaveValue('65.40');

  // A discount typed as 5.00 lowers the total.
  await k.press('Alt+D');
  await typeCells(page, ['Member', 'Enter', '5.00']);
  await expect(page.getByLabel('Total')).toHaveValue('60.40');
  // A service charge is its own kind and raises it.
  await k.press('Alt+C');
  await typeCells(page, ['Service', 'Enter', '6.04']);
  await expect(page.getByLabel('Total')).toHaveValue('66.44');
  await expect(page.locator('tr[data-kind="surcharge"]')).toHaveCount(1);

  // Overriding an amount is a deliberate key (F2), and the override is marked.
  await amount1.focus();
  await k.press('F2');
  await expect(amount1).not.toHaveAttribute('readonly', '');
  await k.press('ControlOrMeta+A');
  await k.type('64.00');
  await expect(page.locator('td.override')).toHaveCount(1);
  await expect(page.locator('td.override')).toContainText('typed');
  await k.press('F2');
  await expect(amount1).toHaveValue('65.40');
  await expect(page.locator('td.override')).toHaveCount(0);

  // Three unreadable cells: a comma that could be a decimal, a word for a quantity, an empty
  // name. The banner names all three and the cursor goes to the first.
  await k.press('Alt+N');
  await typeCells(page, ['Pork bun', 'Enter', 'Enter', '12,50']);
  await k.press('Alt+N');
  await typeCells(page, ['', 'Enter', 'two', 'Enter', '3.00']);
  await k.press('Control+s');
  const banner = page.getByTestId('message');
  await expect(banner).toContainText('3 cells to fix');
  await expect(banner.locator('li')).toHaveCount(3);
  await expect(banner).toContainText('“12,50” is ambiguous');
  await expect(banner).toContainText('quantity “two”');
  await expect(banner).toContainText('Line 3: the name is empty');
  await expect(page.locator('td.cell.invalid')).toHaveCount(3);
  await artifact(page, 'cashier-editor-errors-en');

  // The same banner in 简体中文, switched from the top bar.
  await page.getByRole('button', { name: '中文' }).click();
  await expect(banner).toContainText('有 3 个单元格需要修改');
  await expect(banner).toContainText('有歧义');
  await expect(page.getByTestId('phase')).toHaveText('可以开始新订单');
  await artifact(page, 'cashier-editor-errors-zh');
  await page.getByRole('button', { name: 'English' }).click();

  // A seven-digit total is shown whole and grouped like everywhere else.
  await page.getByLabel('Line 2 unit price').fill('1,001,259.99');
  await page.getByLabel('Line 3 name').fill('Buns');
  await page.getByLabel('Line 3 quantity').fill('3');
  const total = page.getByLabel('Total');
  await expect(total).toHaveValue('1,001,335.43');
  const clipped = await total.evaluate((el) => el.scrollWidth > el.clientWidth);
  expect(clipped).toBe(false);
  await k.press('Control+s');
  await expect(banner).toContainText('The numbers add up.');

  // Alt+O asks before throwing the draft away; Esc keeps it.
  await page.getByLabel('Line 1 name').focus();
  await k.press('Alt+O');
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('3 lines that were not sent');
  await k.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByLabel('Line 1 name')).toHaveValue('Rice');
  await k.press('Alt+O');
  await dialog.getByRole('button', { name: /Discard/ }).click();
  await expect(page.getByLabel('Line 1 name')).toHaveValue('');
  await expect(page.getByLabel('Line 2 name')).toHaveCount(0);
});

test('pairing from the cashier window says when a display paired and lists it; panel and list fit at 1366×768, in both languages', async ({
  station,
  page,
  browser,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(station.cashierUrl);
  await expect(page.getByTestId('connection')).toHaveText('Connected');
  await page.keyboard.press('Alt+P');
  const code = (await page.getByTestId('pairing-code').textContent())?.trim() ?? '';
  const display = await (await browser.newContext()).newPage();
  await pairWithCode(display, station.customerUrl, code);
  await expect(page.getByTestId('paired')).toHaveText(
    '“Customer display” is paired and shows the order from now on.',
  );
  const list = page.getByRole('region', { name: 'Paired displays' });
  await expect(list.getByText('Customer display')).toBeVisible();
  await artifact(page, 'cashier-paired-en');
  for (const part of [page.getByRole('dialog', { name: 'Pair a customer display' }), list]) {
    const box = (await part.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(768);
  }
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByTestId('paired')).toContainText('已配对');
  await expect(page.getByRole('region', { name: '已配对的显示屏' })).toBeVisible();
  await artifact(page, 'cashier-paired-zh');
  // Revoking asks once, then the display is gone from the list and back on its pairing page.
  const zhList = page.getByRole('region', { name: '已配对的显示屏' });
  await zhList.getByRole('button', { name: '解除配对' }).click();
  await zhList.getByRole('button', { name: '解除 Customer display' }).click();
  await expect(zhList).toContainText('还没有配对的显示屏。');
  await expect(display.getByLabel('Pairing code')).toBeVisible();
  await display.context().close();
});

test.describe('a German store with a Chinese-speaking default (store.locale de-DE, customer.language zh-CN)', () => {
  test.use({
    stationConfig: {
      ...E2E_CONFIG,
      currency: 'EUR',
      store: { name: 'Eckladen', message: 'Willkommen', locale: 'de-DE' },
      customer: { language: 'zh-CN' },
    },
  });

  test('opens in Chinese by config and keeps the cashier’s English; 12,50 is twelve-fifty, 1.250,00 is grouped, 3.50 is refused as ambiguous', async ({
    station,
    page,
  }) => {
    // The window opens in the station's language; the cashier's own choice is kept over it.
    await page.goto(station.cashierUrl);
    await expect(page.getByTestId('phase')).toHaveText('可以开始新订单');
    await page.getByRole('button', { name: 'English' }).click();
    await page.reload();
    await expect(page.getByTestId('connection')).toHaveText('Connected');
    await expect(page.getByTestId('phase')).toHaveText('Ready for a new order');
    await page.getByLabel('Line 1 name').focus();
    await typeCells(page, ['Brezel', 'Enter', '2', 'Enter', '12,50', 'Enter']);
    await expect(page.getByLabel('Line 1 amount')).toHaveValue('25,00');
    await page.keyboard.press('Alt+D');
    await typeCells(page, ['Rabatt', 'Enter', '1,50']);
    await expect(page.getByLabel('Total')).toHaveValue('23,50');
    await page.keyboard.press('Alt+N');
    await typeCells(page, ['Kaffeemaschine', 'Enter', 'Enter', '1.250,00']);
    await expect(page.getByLabel('Line 2 amount')).toHaveValue('1.250,00');
    await expect(page.getByLabel('Total')).toHaveValue('1.273,50');
    // A point where this store writes a comma could be 3.50 or 350: refused, never guessed.
    await page.keyboard.press('Alt+N');
    await typeCells(page, ['Tee', 'Enter', 'Enter', '3.50']);
    await page.keyboard.press('Control+s');
    const banner = page.getByTestId('message');
    await expect(banner).toContainText('“3.50” is ambiguous');
    await expect(banner).toContainText('“,”');
    await page.getByLabel('Line 3 unit price').fill('3,50');
    await page.keyboard.press('Control+s');
    await expect(banner).toContainText('The numbers add up.');
    await expect(page.getByLabel('Total')).toHaveValue('1.277,00');
  });
});
