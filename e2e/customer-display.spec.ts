import type { Page } from '@playwright/test';
import { expect, startStation, test, E2E_CONFIG } from './support/station';
import { openCashier, type RawClient } from './support/raw-ws';
import { artifact, pairWithCode } from './support/helpers';

const NAMES = [
  'Jasmine tea 250g',
  'Soy sauce 500ml',
  'Rice 5kg',
  'Eggs ×12',
  'Tofu',
  'Bok choy',
  'Pork belly 400g',
  'Dumplings (frozen)',
  'Oolong tea',
  'Peanut oil 1L',
];
const LINES = NAMES.map((name, i) => ({
  id: `l${i + 1}`,
  name,
  quantity: '1',
  unitPrice: 1000 + i * 110,
  amount: 1000 + i * 110,
}));
const ADJ = [{ id: 'd1', kind: 'discount', label: 'Member', amount: -500 }];
const total = (lines: typeof LINES) => lines.reduce((a, l) => a + l.amount, 0) - 500;

/** A cashier on the raw WebSocket that fails the test on any refused call. */
function caller(cashier: RawClient) {
  let id = 1;
  return async (command: string, input: unknown) => {
    const reply = await cashier.call(id++, command, input);
    const result = reply.result as {
      ok: boolean;
      value: { code: string; revision: number; order: { id: string } };
    };
    expect(result?.ok, `${command}: ${JSON.stringify(reply)}`).toBe(true);
    return result.value;
  };
}

/** Everything a customer needs on the order screen is inside the viewport. */
async function expectInView(page: Page, name: string) {
  const size = page.viewportSize()!;
  const box = await page.getByRole('button', { name }).boundingBox();
  expect(box, name).not.toBeNull();
  expect(
    box!.y + box!.height,
    `${name} bottom at ${size.width}×${size.height}`,
  ).toBeLessThanOrEqual(size.height);
  expect(box!.x + box!.width).toBeLessThanOrEqual(size.width);
}

const SIZES = [
  [800, 480],
  [1024, 600],
  [1280, 800],
  [1920, 1080],
] as const;

test('the customer display shows the whole order at every size: paged with "lines x–y of n", Confirm in view and waiting until every line was seen, changes marked and scrolled to', async ({
  station,
  page,
}) => {
  const cashier = await openCashier(station.wsUrl, station.cashierUrl);
  const call = caller(cashier);
  const { code } = await call('pairing.create', {});
  await pairWithCode(page, station.customerUrl, code);
  const order = { lines: LINES, adjustments: ADJ, total: total(LINES) };
  const sent = await call('order.submit', { order });
  await call('checkout.send', { revision: sent.revision, acceptWarnings: false });
  await expect(page.getByTestId('customer-total')).toHaveText('¥144.50');
  // The discount says what it is.
  await expect(page.locator('[data-row-id="d1"]')).toContainText('Discount');

  for (const [w, h] of SIZES) {
    for (const portrait of [false, true]) {
      const size = portrait ? { width: h, height: w } : { width: w, height: h };
      await page.setViewportSize(size);
      await expectInView(page, 'Confirm');
      await expectInView(page, 'Something is wrong');
      const range = page.getByTestId('rows-range');
      // 11 rows never fit below 1080 px of height: the list says how much is in view.
      if (size.height < 1000) await expect(range).toHaveText(/^Lines 1–\d+ of 11$/);
      await artifact(page, `customer-order-${size.width}x${size.height}`);
    }
  }

  // Flagging adds a note field and other buttons: they stay in view at every size (pictures of
  // the smallest, where they run off first).
  await page.getByRole('button', { name: 'Something is wrong' }).click();
  for (const [w, h] of SIZES) {
    for (const size of [
      { width: w, height: h },
      { width: h, height: w },
    ]) {
      await page.setViewportSize(size);
      await expectInView(page, 'Tell the cashier');
      await expectInView(page, 'Back');
      if (w === 800) await artifact(page, `customer-flagging-${size.width}x${size.height}`);
    }
  }
  await page.getByRole('button', { name: 'Back' }).click();

  // At 1280×800 Confirm waits until the customer has paged through every line.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.reload();
  await expect(page.getByTestId('rows-range')).toHaveText(/^Lines 1–\d+ of 11$/);
  await expect(page.getByRole('button', { name: 'Confirm' })).toBeDisabled();
  await expect(page.getByText('Scroll to see every line')).toBeVisible();
  const more = page.getByRole('button', { name: 'More lines' });
  const range = page.getByTestId('rows-range');
  while (await more.isEnabled()) {
    const before = (await range.textContent()) ?? '';
    await more.click();
    await expect(range).not.toHaveText(before);
  }
  await expect(range).toHaveText(/–11 of 11$/);
  await expect(page.getByRole('button', { name: 'Confirm' })).toBeEnabled();

  // The customer flags the last tea; the cashier fixes it and resends. The changed line is marked
  // and brought into view, though it is far down the list.
  await page.getByRole('button', { name: 'Something is wrong' }).click();
  await page.locator('[data-line-id="l9"] button').click();
  await page.getByRole('button', { name: 'Tell the cashier' }).click();
  await expect(page.getByRole('heading', { name: /cashier is checking/ })).toBeVisible();
  const fixed = LINES.map((l) =>
    l.id === 'l9' ? { ...l, quantity: '2', amount: l.amount * 2 } : l,
  );
  const resent = await call('order.submit', {
    order: { id: sent.order.id, lines: fixed, adjustments: ADJ, total: total(fixed) },
  });
  await call('checkout.send', { revision: resent.revision, acceptWarnings: false });
  const row = page.locator('[data-row-id="l9"]');
  await expect(row).toContainText('Changed');
  await expect(row).toBeInViewport();
  await expect(page.locator('[data-row-id="l1"]')).not.toContainText('Changed');
  await artifact(page, 'customer-order-changed-en');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByTestId('rows-range')).toHaveText(/^第 \d+–\d+ 行，共 11 行$/);
  await artifact(page, 'customer-order-changed-zh');
  // The customer's language survives the cashier cancelling and reopening the checkout.
  await call('checkout.cancel', {});
  const reopened = await call('checkout.reopen', {});
  await call('checkout.send', { revision: reopened.revision, acceptWarnings: true });
  await expect(page.getByRole('heading', { name: '请核对您的订单' })).toBeVisible();
  cashier.close();
});

test('station down: both windows say offline and reconnecting, the display disables its buttons and refuses a scan visibly; after a restart both reconnect by themselves', async ({
  browser,
}) => {
  let { station, stop } = await startStation(E2E_CONFIG);
  const port = Number(new URL(station.url).port);
  const dataDir = station.dataDir;
  const cashierPage = await (await browser.newContext()).newPage();
  const display = await (await browser.newContext()).newPage();
  try {
    await cashierPage.goto(station.cashierUrl);
    await expect(cashierPage.getByTestId('connection')).toHaveText('Connected');
    const cashier = await openCashier(station.wsUrl, station.cashierUrl);
    const call = caller(cashier);
    await pairWithCode(display, station.customerUrl, (await call('pairing.create', {})).code);
    const sent = await call('order.submit', {
      order: { lines: LINES.slice(0, 2), adjustments: [], total: 2110 },
    });
    await call('checkout.send', { revision: sent.revision, acceptWarnings: false });
    await expect(display.getByRole('button', { name: 'Confirm' })).toBeEnabled();
    cashier.close();

    await stop({ keepData: true });
    await expect(display.getByTestId('offline')).toHaveText('The till is offline. Reconnecting…');
    await expect(display.getByRole('button', { name: 'Confirm' })).toBeDisabled();
    await expect(display.getByRole('button', { name: 'Something is wrong' })).toBeDisabled();
    await expect(cashierPage.getByTestId('offline')).toContainText('Station offline, reconnecting');
    await expect(cashierPage.getByTestId('connection')).toHaveText(
      'Station offline, reconnecting…',
    );
    // A payment code scanned now is refused where the customer sees it, not lost.
    // The scanner's burst is sent from inside the page, so a loaded test machine cannot slow
    // it into something that looks like typing.
    await display.evaluate(() => {
      for (const ch of '134567890123456789')
        window.dispatchEvent(new KeyboardEvent('keydown', { key: ch, code: `Digit${ch}` }));
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter' }));
    });
    await expect(display.getByTestId('scan-refused')).toContainText('the till is offline');
    await artifact(display, 'customer-offline-en');

    ({ station, stop } = await startStation(E2E_CONFIG, { dataDir, port }));
    // Both windows come back without a reload: the cashier token survives the restart.
    await expect(cashierPage.getByTestId('connection')).toHaveText('Connected', {
      timeout: 20_000,
    });
    await expect(display.getByTestId('offline')).toHaveCount(0, { timeout: 20_000 });
    await expect(display.getByTestId('scan-refused')).toHaveCount(0);
    await expect(cashierPage.getByTestId('offline')).toHaveCount(0);
  } finally {
    await stop();
    await cashierPage.context().close();
    await display.context().close();
  }
});

test("a line's own discount, read off the POS, is shown with the line on the customer display", async ({
  station,
  page,
}) => {
  const cashier = await openCashier(station.wsUrl, station.cashierUrl);
  const call = caller(cashier);
  const { code } = await call('pairing.create', {});
  await pairWithCode(page, station.customerUrl, code);
  const line = {
    id: 'h1',
    name: 'Apple In-Ear Headphones',
    quantity: '1',
    unitPrice: 7900,
    amount: 7110,
    adjustment: { label: 'With a 10% discount', amount: -790 },
  };
  const sent = await call('order.submit', {
    order: { lines: [line], adjustments: [], total: 7110 },
  });
  await call('checkout.send', { revision: sent.revision, acceptWarnings: false });
  await expect(page.getByTestId('customer-total')).toHaveText('¥71.10');
  await expect(page.locator('[data-row-id="h1"]')).toContainText('With a 10% discount');
  cashier.close();
});
