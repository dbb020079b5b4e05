import { chromium, type Page } from '@playwright/test';
import { artifact } from './support/helpers';
import { expect, test } from './support/station';
import { choose, openTill, sendOrder } from './support/till';

// Every screen of the customer display after the order (method choice, each method's screen,
// waiting for a payer, a decline and the retry, paid) at the four sizes the issue names, in
// landscape and portrait: every button and picture stays inside the viewport, with a screenshot
// per size in e2e/artifacts/. The order screen itself is checked in customer-display.spec.ts.

const SIZES = [
  [800, 480],
  [1024, 600],
  [1280, 800],
  [1920, 1080],
].flatMap(([w, h]) => [
  { width: w!, height: h! },
  { width: h!, height: w! },
]);

/** What a customer must reach or read that lies outside the viewport (empty when all fits). */
function outside(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = window.innerWidth;
    const h = window.innerHeight;
    const out: string[] = [];
    const targets = document.querySelectorAll(
      'button, input, textarea, video, svg[role="img"], img, h1, [role="alert"], [role="status"], [data-testid]',
    );
    for (const el of targets) {
      // The order list scrolls inside itself on purpose (paged, with its own buttons).
      if (el.closest('.order-rows')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < -0.5 || r.top < -0.5 || r.right > w + 0.5 || r.bottom > h + 0.5)
        out.push(
          `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}" at ` +
            `${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`,
        );
    }
    return out;
  });
}

/**
 * Checks the screen at every size. Screenshots (they cost CI time) at every size for `all`, at
 * the two smallest sizes (where things run off first) otherwise.
 */
async function fitsEverywhere(page: Page, name: string, shots: 'all' | 'small' = 'small') {
  const problems: string[] = [];
  for (const size of SIZES) {
    await page.setViewportSize(size);
    const bad = await outside(page);
    if (bad.length) problems.push(`${size.width}×${size.height}: ${bad.join('; ')}`);
    if (shots === 'all' || size.width * size.height === 800 * 480)
      await artifact(page, `customer-${name}-${size.width}x${size.height}`);
  }
  expect.soft(problems, `${name}: outside the viewport`).toEqual([]);
  await page.setViewportSize({ width: 1024, height: 768 });
}

test('every payment screen of the customer display fits at 800×480 to 1920×1080, landscape and portrait', async () => {
  test.setTimeout(120_000);
  // The face screen needs a camera: Chromium's own fake one.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  });
  const till = await openTill(browser, { proxyTimeoutMs: 60_000 });
  const { customer } = till;
  try {
    // A display not paired yet: the pairing keypad.
    const unpaired = await browser.newPage();
    await unpaired.goto(till.station.customerUrl);
    await expect(unpaired.getByLabel('Pairing code')).toBeVisible();
    await fitsEverywhere(unpaired, 'pairing');
    await unpaired.close();

    await sendOrder(till, 4_600);
    await expect(
      customer.getByRole('heading', { name: 'How would you like to pay?' }),
    ).toBeVisible();
    await fitsEverywhere(customer, 'methods', 'all');
    // Each method's icon is drawn by the app (SVG), never a font glyph that may be missing.
    const icons = customer.locator('button[data-method] .method-icon');
    await expect(icons.locator('svg path')).toHaveCount(4);
    expect(await icons.allTextContents()).toEqual(['', '', '', '']);

    await choose(till, 'code');
    await expect(customer.getByRole('heading', { name: /payment code/ })).toBeVisible();
    await fitsEverywhere(customer, 'pay-code');
    await customer.getByRole('button', { name: /Pay another way/ }).click();

    await choose(till, 'face');
    await expect(customer.locator('video')).toBeVisible();
    await fitsEverywhere(customer, 'pay-face', 'all');
    await customer.getByRole('button', { name: /Pay another way/ }).click();

    await choose(till, 'proxy');
    for (const d of '88880001')
      await customer.getByRole('button', { name: d, exact: true }).click();
    await fitsEverywhere(customer, 'pay-proxy');
    // The optional photo of the scene: a live preview, then the photo taken.
    await customer.getByRole('button', { name: 'Add my photo (optional)' }).click();
    await expect(customer.getByRole('button', { name: 'Take photo' })).toBeEnabled();
    await fitsEverywhere(customer, 'pay-proxy-camera');
    await customer.getByRole('button', { name: 'Take photo' }).click();
    await expect(customer.getByRole('button', { name: 'Remove photo' })).toBeVisible();
    await fitsEverywhere(customer, 'pay-proxy-photo');
    await customer.getByRole('button', { name: 'Request payment' }).click();
    await expect(
      customer.getByRole('heading', { name: 'Waiting for the person paying' }),
    ).toBeVisible();
    await fitsEverywhere(customer, 'pay-waiting');

    // The payer declines on their phone: the decline, then the retry's method choice.
    await till.phone.goto(`${till.sandboxUrl}/proxy/wx-alice`);
    await till.phone.getByRole('button', { name: 'Decline' }).click();
    await expect(customer.getByTestId('pay-reason')).toBeVisible({ timeout: 15_000 });
    await fitsEverywhere(customer, 'declined', 'all');
    await customer.getByRole('button', { name: 'Pay another way' }).click();
    await expect(customer.getByTestId('last-decline')).toBeVisible();
    await fitsEverywhere(customer, 'retry-methods', 'all');

    // The merchant QR is shown while the payment waits for a wallet to open it; one does.
    await choose(till, 'qr');
    const qr = customer.getByRole('img', { name: /Scan this code/ });
    await expect(qr).toBeVisible();
    await fitsEverywhere(customer, 'pay-qr');
    await till.phone.goto(`${(await qr.getAttribute('data-url'))!}?wallet=ali-bob`);
    await till.phone.getByLabel('Password').fill('123456');
    await till.phone.getByRole('button', { name: 'Pay' }).click();
    await expect(customer.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
    await fitsEverywhere(customer, 'paid');
  } finally {
    await till.stop();
    await browser.close();
  }
});
