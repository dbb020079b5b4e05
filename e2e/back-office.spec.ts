import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { showImage, startXvfb, stopProcess } from '../src-main/capture/test-support/xvfb';
import { formatMinor } from '../src-main/contract/money';
import { renderScreen } from '../src-main/ocr/fixtures/render-screen';
import { openCashier } from './support/raw-ws';
import { E2E_CONFIG, expect, startStation, test } from './support/station';
import { freePort, shot } from './support/helpers';

test('back office: the payment is in the history, a partial refund, the day report and a balanced reconciliation; a missing scanner shows red', async ({
  browser,
}) => {
  const port = await freePort();
  const { station, stop } = await startStation({
    ...E2E_CONFIG,
    // The paid checkout stays on screen for the whole test.
    customer: { language: 'en', resultSeconds: 120 },
    payments: { sandbox: { port } },
    // A configured scanner that is not plugged in: the device panel must say so.
    devices: {
      scanners: [{ id: 'front-scanner', kind: 'serial', path: '/dev/countersign-e2e-absent' }],
    },
    // WeChat Pay configured but its key files never delivered (payments still go to the sandbox).
    providers: {
      wechat: {
        url: 'http://127.0.0.1:9/',
        appId: 'wx2421b1c4370ec43b',
        mchId: '10000100',
        keyFile: 'wechat-api-key.txt',
        certFile: 'apiclient_cert.pem',
        certKeyFile: 'apiclient_key.pem',
      },
    },
  });
  const raw = await openCashier(station.wsUrl, station.cashierUrl);
  try {
    let id = 1;
    const call = async (command: string, input: unknown) => {
      const reply = await raw.call(id++, command, input);
      const result = reply.result as { ok: boolean; value: Record<string, unknown> };
      expect(result?.ok, `${command}: ${JSON.stringify(reply)}`).toBe(true);
      return result.value;
    };
    const cashier = await (await browser.newContext()).newPage();
    const customer = await (await browser.newContext()).newPage();
    await cashier.goto(station.cashierUrl);
    const { code: pairing } = (await call('pairing.create', {})) as { code: string };
    await customer.goto(station.customerUrl);
    await customer.getByLabel('Pairing code').fill(pairing);
    await customer.getByRole('button', { name: 'Pair', exact: true }).click();

    // One paid checkout of 45.00: order, customer confirms, pays with a wallet code.
    const submitted = await call('order.submit', {
      order: {
        lines: [{ id: 'l1', name: 'Tea set', quantity: '1', unitPrice: 4500, amount: 4500 }],
        adjustments: [],
        total: 4500,
      },
    });
    await call('checkout.send', { revision: submitted.revision, acceptWarnings: false });
    await customer.getByRole('button', { name: 'Confirm' }).click();
    await customer.locator('button[data-method="code"]').click();
    const wallet = await (await browser.newContext()).newPage();
    await wallet.goto(`http://127.0.0.1:${port}/wallet/ali-bob`);
    const code = await wallet.locator('.code[data-code]').getAttribute('data-code');
    // Paid through the cashier's manual entry command (the scan paths have their own tests).
    await call('credential.submit', {
      credential: { kind: 'payment_code', code, platform: 'alipay' },
    });
    await expect(customer.getByRole('heading', { name: 'Payment successful' })).toBeVisible();

    // The scanner that is not there: red dot and its error, in the side panel.
    const scanner = cashier.locator('[data-device="front-scanner"]').first();
    await expect(scanner).toHaveAttribute('data-tone', 'error');
    await expect(scanner).toContainText('Offline');

    // History: the payment, found by search; nothing for a search that matches nothing.
    await cashier.getByRole('button', { name: 'Back office' }).click();
    const history = cashier.getByTestId('history');
    const row = history.locator('tbody tr[data-attempt]');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('45.00 CNY');
    await expect(row).toContainText('Alipay');
    await expect(row).toContainText('Paid');
    await cashier.getByLabel('Search payments').fill('no-such-order');
    await cashier.getByRole('button', { name: 'Search' }).click();
    await expect(history.getByText('No payments match.')).toBeVisible();
    await cashier.getByLabel('Search payments').fill(code!.slice(-4));
    await cashier.getByRole('button', { name: 'Search' }).click();
    await expect(row).toHaveCount(1);

    // A partial refund: too much is refused with the limit, then 10.00 with a reason.
    await row.click();
    const detail = cashier.getByTestId('attempt-detail');
    await expect(detail).toContainText('45.00 CNY');
    await detail.getByLabel('Amount').fill('45.01');
    await detail.getByLabel('Reason').fill('Chipped cup');
    await detail.getByRole('button', { name: 'Refund', exact: true }).click();
    await expect(detail.getByRole('alert')).toHaveText('At most 45.00 CNY can still be refunded.');
    await detail.getByLabel('Amount').fill('10');
    await detail.getByRole('button', { name: 'Refund', exact: true }).click();
    // A refund asks once more, naming the amount and the reason; nothing is sent before.
    const ask = detail.getByRole('alertdialog', { name: 'Confirm the refund' });
    await expect(ask).toContainText('Refund 10.00 CNY of this 45.00 CNY payment');
    await expect(ask).toContainText('Chipped cup');
    await expect(row).not.toContainText('Partly refunded');
    await ask.getByRole('button', { name: 'Confirm refund' }).click();
    await expect(detail.getByRole('status')).toContainText('10.00 CNY — refunded');
    await expect(detail.getByRole('status')).toContainText('Reason: “Chipped cup”');
    await expect(row).toContainText('Partly refunded');
    await expect(detail).toContainText('up to 35.00');
    // The details list what was bought, as the ledger recorded it.
    const items = detail.getByRole('table', { name: 'Items of this order' });
    await expect(items.locator('tbody tr')).toHaveCount(1);
    await expect(items).toContainText('Tea set');
    await expect(items.locator('tfoot')).toContainText('45.00 CNY');
    await shot(cashier, 'bo-1-history-refund');

    // Day report: figures, breakdown, and the printable page in its frame.
    await cashier.getByRole('tab', { name: 'Day report' }).click();
    await cashier.getByRole('button', { name: 'Show report' }).click();
    await expect(cashier.getByTestId('fig-paid')).toContainText('45.00 CNY');
    await expect(cashier.getByTestId('fig-paid')).toContainText('1 payment');
    await expect(cashier.getByTestId('fig-refunded')).toContainText('10.00 CNY');
    await expect(cashier.getByTestId('fig-net')).toContainText('35.00 CNY');
    // The day's payments as CSV, from the window; the shift column is explained.
    const download = cashier.waitForEvent('download');
    await cashier.getByTestId('report-csv').click();
    const csv = await (await download).path().then((p) => readFileSync(p, 'utf8'));
    expect(csv.split('\n')[0]).toContain('attempt_id');
    expect(csv).toContain('4500');
    await expect(cashier.getByTestId('shift-hint')).toContainText('S06 started at 06:00');
    await expect(cashier.getByTestId('day-report')).toContainText('Alipay');
    const frame = cashier.frameLocator('iframe.report-frame');
    await expect(frame.locator('body')).toContainText('45.00');
    // The report's own stylesheet applies inside the frame: the window's CSP allows it by hash.
    expect(
      await frame
        .locator('table')
        .first()
        .evaluate((t) => getComputedStyle(t).borderCollapse),
    ).toBe('collapse');
    await expect(cashier.getByRole('button', { name: 'Print' })).toBeEnabled();
    await shot(cashier, 'bo-2-day-report');

    // Reconciliation against the sandbox's statement for today.
    await cashier.getByRole('tab', { name: 'Reconciliation' }).click();
    await cashier.getByRole('button', { name: 'Reconcile' }).click();
    await expect(cashier.getByTestId('reconcile-verdict')).toContainText('Balanced');
    await expect(cashier.getByTestId('reconcile')).toContainText(
      'Matched 1 payment(s) and 1 refund(s).',
    );
    await shot(cashier, 'bo-3-reconcile');

    await cashier.getByRole('tab', { name: 'Devices' }).click();
    await expect(
      cashier.getByRole('dialog').locator('[data-device="front-scanner"]'),
    ).toContainText('Last scan never');
    // The order sources: no pole display configured, no region drawn yet.
    const dialog = cashier.getByRole('dialog');
    await expect(dialog.locator('[data-device="pole"]')).toHaveAttribute('data-state', 'disabled');
    await expect(dialog.locator('[data-device="capture"]')).toHaveAttribute(
      'data-state',
      'no_region',
    );
    // No face payment yet: the display has not reported its camera.
    await expect(dialog.locator('[data-device="camera"]')).toHaveAttribute('data-state', 'none');
    const wechat = dialog.locator('[data-device="provider-wechat"]');
    await expect(wechat).toHaveAttribute('data-state', 'not_loaded');
    await wechat.getByRole('button', { name: 'Check' }).click();
    await expect(wechat).toContainText('wechat-api-key.txt');
    await shot(cashier, 'bo-4-devices');
    // Escape closes the dialog without touching the checkout.
    await cashier.keyboard.press('Escape');
    await expect(cashier.getByRole('dialog')).toHaveCount(0);
    await expect(cashier.getByTestId('phase')).toHaveAttribute('data-phase', 'paid');

    // The same code again: the payment fails, and the cashier reads why in both languages.
    await call('checkout.reset', {});
    const again = await call('order.submit', {
      order: {
        lines: [{ id: 'l1', name: 'Teapot', quantity: '1', unitPrice: 990, amount: 990 }],
        adjustments: [],
        total: 990,
      },
    });
    await call('checkout.send', { revision: again.revision, acceptWarnings: false });
    await customer.getByRole('button', { name: 'Confirm' }).click();
    await customer.locator('button[data-method="code"]').click();
    await expect(cashier.getByTestId('phase')).toHaveAttribute(
      'data-phase',
      'collecting_credential',
    );
    await raw.call(id++, 'credential.submit', {
      credential: { kind: 'payment_code', code, platform: 'alipay' },
    });
    const outcome = cashier.getByTestId('payment-outcome');
    await expect(outcome).toContainText(
      'That payment code was already used. Ask for a fresh code.',
    );
    await cashier.getByRole('button', { name: '中文' }).click();
    await expect(outcome).toContainText('付款码已被使用，请顾客出示新的付款码。');
    await expect(outcome).not.toContainText('code_already_used');
    // The customer goes back to the method choice: the cashier still reads why, in words.
    await customer.getByRole('button', { name: 'Pay another way' }).click();
    await expect(cashier.getByTestId('phase')).toHaveAttribute('data-phase', 'choosing_method');
    await expect(cashier.locator('p.notice')).toHaveText(
      '上一笔支付未成功：付款码已被使用，请顾客出示新的付款码。',
    );
    await call('checkout.cancel', {});
    // A refusal from the station, said in Chinese: no order region has been drawn.
    await call('checkout.reset', {});
    await cashier.getByRole('button', { name: /^读取订单/ }).click();
    await expect(cashier.getByTestId('read-order-message')).toHaveText(
      '请先框选订单区域：点击“设置订单区域”。',
    );
    // A scan with no payment waiting: the station's note, said in Chinese.
    await raw.call(id++, 'scan.submit', { raw: '134567890123456789' });
    await expect(cashier.locator('p.notice')).toHaveText('扫码已忽略：现在没有等待付款码的支付。');
    // The failed attempt in the history: its reason as a sentence, its items, in Chinese.
    await cashier.getByRole('button', { name: '后台' }).click();
    const failedRow = history.locator('tbody tr[data-attempt]', { hasText: '9.90' });
    await failedRow.click();
    await expect(detail).toContainText('付款码已被使用，请顾客出示新的付款码。');
    await expect(detail).not.toContainText('code_already_used');
    await expect(detail.getByRole('table', { name: '本单商品' })).toContainText('Teapot');
    await shot(cashier, 'bo-5-failed-reason-zh');
  } finally {
    raw.close();
    await stop();
  }
});

test('calibration on a real X display: drag the order region on the frozen picture, save, Read order', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const screen = await renderScreen({
    seed: 11,
    layout: 'grid',
    lang: 'en',
    theme: 'light',
    count: 4,
    discount: false,
    symbol: '¥',
  });
  const file = join(mkdtempSync(join(tmpdir(), 'cs-bo-pos-')), 'pos.png');
  writeFileSync(file, screen.png);
  const xvfb = await startXvfb(1280, 800, 190);
  let pos: ChildProcess | undefined;
  const offset = { x: 60, y: 40 };
  const previousDisplay = process.env.DISPLAY;
  try {
    pos = await showImage(xvfb.display, file, offset.x, offset.y);
    process.env.DISPLAY = xvfb.display;
    const { station, stop } = await startStation({
      ...E2E_CONFIG,
      payments: { sandbox: { enabled: false } },
      ocr: { languages: ['eng'], workers: 1 },
    });
    try {
      const cashier = await (await browser.newContext()).newPage();
      await cashier.goto(station.cashierUrl);
      await cashier.getByRole('button', { name: 'Set order region' }).click();
      const img = cashier.getByAltText('Frozen picture of the display');
      await expect(img).toBeVisible();
      const box = (await img.boundingBox())!;
      const target = {
        x: offset.x + screen.region.x,
        y: offset.y + screen.region.y,
        width: screen.region.width,
        height: screen.region.height,
      };
      const sx = box.width / 1280;
      const sy = box.height / 800;
      // Dragged from the bottom-right corner to the top-left one: any direction works.
      await cashier.mouse.move(
        box.x + (target.x + target.width) * sx,
        box.y + (target.y + target.height) * sy,
      );
      await cashier.mouse.down();
      await cashier.mouse.move(box.x + target.x * sx, box.y + target.y * sy, { steps: 8 });
      await cashier.mouse.up();
      await expect(cashier.getByTestId('cal-rect')).toBeVisible();
      // Arrow keys nudge it; one right and one left leave it where it was.
      await cashier.getByRole('application').focus();
      await cashier.keyboard.press('ArrowRight');
      await cashier.keyboard.press('ArrowLeft');
      await expect(cashier.getByAltText('Live preview of the region')).toBeVisible();
      await shot(cashier, 'bo-5-calibration');
      await cashier.getByRole('button', { name: 'Save region' }).click();
      const saved = cashier.getByText(/^Saved: display 0, /);
      await expect(saved).toBeVisible();
      const m = /(\d+)×(\d+) px at \((\d+), (\d+)\)/.exec((await saved.textContent()) ?? '');
      expect(m).not.toBeNull();
      const [w, h, x, y] = m!.slice(1).map(Number) as [number, number, number, number];
      // The drag lands within a pixel or two of the POS order (CSS → physical rounding).
      expect(Math.abs(x - target.x)).toBeLessThanOrEqual(2);
      expect(Math.abs(y - target.y)).toBeLessThanOrEqual(2);
      expect(Math.abs(w - target.width)).toBeLessThanOrEqual(3);
      expect(Math.abs(h - target.height)).toBeLessThanOrEqual(3);
      await cashier.keyboard.press('Escape');

      // Read order: the POS order, read off the screen, is in review. When the reader vouches
      // for it, the total is the one on the POS; otherwise the doubtful cells are for the
      // cashier (OCR under a loaded machine may be unsure; it must never be silently wrong).
      await cashier.getByRole('button', { name: /Read order/ }).click();
      await expect(cashier.getByTestId('phase')).toHaveAttribute('data-phase', 'review', {
        timeout: 30_000,
      });
      const said = cashier.getByTestId('read-order-message');
      await expect(said).toContainText('Order read');
      if ((await said.textContent())?.includes('the numbers add up'))
        // Grouped, as everywhere else in the app.
        await expect(cashier.getByLabel('Total')).toHaveValue(
          formatMinor(screen.truth.total, 'CNY'),
        );
      else await expect(said).toContainText('doubtful cell');
      await shot(cashier, 'bo-6-read-order');
      // What was said about that read belongs to it: a new order does not carry it.
      await cashier.keyboard.press('Alt+O');
      const discard = cashier.getByRole('alertdialog');
      await discard.getByRole('button', { name: /Discard/ }).click();
      await expect(cashier.getByTestId('phase')).toHaveAttribute('data-phase', 'idle');
      await expect(said).toHaveCount(0);

      // The device panel shows that read, and a test capture of the same region works.
      await cashier.getByRole('button', { name: 'Back office' }).click();
      await cashier.getByRole('tab', { name: 'Devices' }).click();
      const grab = cashier.getByRole('dialog').locator('[data-device="capture"]');
      await expect(grab).toHaveAttribute('data-state', 'ok');
      await expect(grab).toContainText(`${w}×${h} in`);
      await grab.getByRole('button', { name: 'Test capture' }).click();
      await expect(grab).toContainText('Last capture just now');
      await expect(grab).toHaveAttribute('data-state', 'ok');
    } finally {
      await stop();
    }
  } finally {
    if (previousDisplay === undefined) delete process.env.DISPLAY;
    else process.env.DISPLAY = previousDisplay;
    if (pos) await stopProcess(pos);
    await xvfb.stop();
  }
});
