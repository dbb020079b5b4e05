import type { Page } from '@playwright/test';
import { artifact } from './support/helpers';
import { openRaw } from './support/raw-ws';
import { expect, test } from './support/station';
import { openTill, type Till } from './support/till';

// A declined payment, as a card terminal handles it: the reason on both screens, then the
// customer pays the same order again (another code, another method) without confirming it again
// and in the language they chose. Every attempt stays in the ledger; one of them is paid.

/** A scanner's burst on the display, sent from inside the page so a busy machine cannot slow it. */
async function scan(page: Page, code: string): Promise<void> {
  await page.evaluate((digits) => {
    for (const ch of digits)
      window.dispatchEvent(new KeyboardEvent('keydown', { key: ch, code: `Digit${ch}` }));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter' }));
  }, code);
}

/**
 * A scanner at 8 ms a character on a busy machine: the display handles the first three keys,
 * then its main thread is blocked for 300 ms (by the third key's own handler, so exactly then)
 * while the rest queue in the browser with the scanner's timestamps, as the OS queues hardware
 * keys; they run once the page is free, after the burst's pause timer has come due.
 */
async function scanWhileBusy(page: Page, code: string): Promise<void> {
  await page.evaluate(() => {
    let n = 0;
    const block = () => {
      if (++n < 3) return;
      window.removeEventListener('keydown', block);
      const end = performance.now() + 300;
      while (performance.now() < end);
    };
    window.addEventListener('keydown', block);
  });
  const cdp = await page.context().newCDPSession(page);
  const t0 = Date.now() / 1000;
  const press = (ch: string, i: number) => {
    const at = t0 + i * 0.008;
    const key =
      ch === '\r'
        ? { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 }
        : { key: ch, code: `Digit${ch}`, windowsVirtualKeyCode: 48 + Number(ch) };
    return Promise.all([
      cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', timestamp: at, text: ch, ...key }),
      cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', timestamp: at + 0.002, ...key }),
    ]);
  };
  // Sent back to back, as the scanner sends them; the page takes them when it can.
  await Promise.all([...code, '\r'].map(press));
  await cdp.detach();
}

/** The current single-use code on the sandbox wallet page, as a phone shows it. */
async function walletCode(till: Till): Promise<string> {
  await till.phone.goto(`${till.sandboxUrl}/wallet/wx-alice`);
  const code = await till.phone.locator('.code[data-code]').getAttribute('data-code');
  expect(code).toMatch(/^\d{16,24}$/);
  return code!;
}

/** The paired display's own connection (its device token), as a second socket. */
async function displaySocket(till: Till) {
  const token = await till.customer.evaluate(() => localStorage.getItem('countersign.deviceToken'));
  const socket = await openRaw(till.station.wsUrl);
  socket.send({ type: 'hello', role: 'customer', token });
  await socket.next((m) => m.type === 'welcome');
  return socket;
}

test('a declined payment returns to the method choice with its reason on both screens; the same order is paid on the next try, never confirmed again, in the language the customer chose; a scan on a blocked display loses no digit', async ({
  browser,
}) => {
  test.setTimeout(60_000);
  // The station's own result time (8 s): a decline must not vanish with it.
  const till = await openTill(browser, {}, { customer: { language: 'en' } });
  try {
    const { customer, cashier } = till;
    const submitted = await till.call('order.submit', {
      order: {
        lines: [{ id: 'l1', name: 'Olive oil 1L', quantity: '1', unitPrice: 2350, amount: 2350 }],
        adjustments: [],
        total: 2350,
      },
    });
    const orderId = (submitted.order as { id: string }).id;
    await till.call('checkout.send', { revision: submitted.revision, acceptWarnings: false });
    await customer.getByRole('button', { name: '中文' }).click();
    await customer.getByRole('button', { name: '确认' }).click();
    await customer.locator('button[data-method="code"]').click();

    // A code no platform uses is refused before any payment, in the customer's language.
    await scan(customer, '991234567890123456');
    await expect(customer.getByTestId('code-refused')).toHaveText(
      '此付款码无法使用：这不是有效的付款码。',
    );
    // Unknown code: well formed (WeChat Pay's prefix), but no wallet issued it.
    await scan(customer, '134567890123456789');
    await expect(customer.getByTestId('pay-reason')).toHaveText('支付系统无法识别该付款码。');
    await expect(cashier.getByTestId('payment-outcome')).toHaveAttribute(
      'data-reason',
      /^unknown_code/,
    );
    await artifact(customer, 'customer-declined-zh');
    // The decline waits for the customer for their whole inactivity time (90 s), not the result
    // time (8 s) after which a result gives way to idle (screen-for.test.ts: the display keeps a
    // decline up while the station's deadline runs).
    const declined = await till.call('checkout.get', {});
    expect(declined).toMatchObject({ phase: 'failed', order: { id: orderId } });
    expect(declined.deadline as number).toBeGreaterThan(Date.now() + 60_000);
    await customer.getByRole('button', { name: '换一种方式支付' }).click();
    await expect(customer.getByRole('heading', { name: '请选择支付方式' })).toBeVisible();
    await expect(customer.getByTestId('last-decline')).toContainText('支付系统无法识别该付款码。');
    await artifact(customer, 'customer-retry-methods-zh');

    // Face not recognised (no one is enrolled at this sandbox): the descriptor goes in over the
    // display's own connection, as the face screen sends it.
    await customer.locator('button[data-method="face"]').click();
    const display = await displaySocket(till);
    const reply = await display.call(1, 'credential.submit', {
      credential: {
        kind: 'face',
        descriptor: Array.from({ length: 1024 }, (_, i) => (i % 7) / 10),
      },
    });
    expect(reply.type).toBe('result');
    display.close();
    await expect(customer.getByTestId('pay-reason')).toHaveText(
      '未能识别您的面部，请换一种方式支付。',
    );
    await expect(cashier.getByTestId('payment-outcome')).toHaveAttribute(
      'data-reason',
      /^face_not_recognised/,
    );
    await customer.getByRole('button', { name: '换一种方式支付' }).click();
    await customer.locator('button[data-method="code"]').click();
    const code = await walletCode(till);
    await scan(customer, code);
    await expect(customer.getByRole('heading', { name: '支付成功' })).toBeVisible();
    await expect(cashier.getByTestId('payment-outcome')).toContainText('Paid');

    // Every try is a final attempt of the same order in the ledger, and one charge only.
    const history = (await till.call('payments.history', {})) as unknown as {
      orderId: string;
      state: string;
      reason: string | null;
    }[];
    const tries = history.filter((a) => a.orderId === orderId);
    expect(tries.map((a) => a.state).sort()).toEqual(['failed', 'failed', 'paid']);

    // Reused code on the next order: one tap, the fresh code pays.
    await till.call('checkout.reset', {});
    const next = await till.call('order.submit', {
      order: {
        lines: [{ id: 'l1', name: 'Rice 5kg', quantity: '1', unitPrice: 990, amount: 990 }],
        adjustments: [],
        total: 990,
      },
    });
    await till.call('checkout.send', { revision: next.revision, acceptWarnings: false });
    await customer.getByRole('button', { name: 'Confirm' }).click();
    await customer.locator('button[data-method="code"]').click();
    await scan(customer, code);
    await expect(customer.getByTestId('pay-reason')).toHaveText(
      'That payment code was already used. Please show a new one.',
    );
    // "Try again": straight back to the same method, the reason still in view.
    await customer.getByRole('button', { name: 'Try again' }).click();
    await expect(
      customer.getByRole('heading', { name: 'Show your payment code to the scanner' }),
    ).toBeVisible();
    await expect(customer.getByTestId('last-decline')).toContainText('already used');
    // The scan that pays comes while the display is busy: not a digit may be lost.
    await scanWhileBusy(customer, await walletCode(till));
    await expect(customer.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
  } finally {
    await till.stop();
  }
});
