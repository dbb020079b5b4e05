import { appendFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { socatPair, type SocatPair } from '../src-main/devices/test-support/socat-pair';
import { openCashier, type RawClient } from './support/raw-ws';
import { expect, startStation, test, type Station } from './support/station';
import { freePort, pairWithCode } from './support/helpers';

/**
 * Issue 5's journey with real parts: a barcode scanner on a socat serial port, the station and
 * its embedded sandbox acquirer (its own process, signed HTTP), both windows in Chromium. The
 * payment code comes off the sandbox's wallet page, as the customer's phone would show it.
 */
async function walletCode(browser: Browser, sandboxPort: number, account: string): Promise<string> {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${sandboxPort}/wallet/${account}`);
  const code = await page.locator('[data-code]').getAttribute('data-code');
  await page.close();
  if (!code) throw new Error('the wallet page shows no payment code');
  return code;
}

async function pairedCustomer(
  browser: Browser,
  station: Station,
  cashier: RawClient,
): Promise<Page> {
  const pairing = (await cashier.call(900, 'pairing.create', {})) as {
    result: { value: { code: string } };
  };
  const page = await (
    await browser.newContext({ viewport: { width: 1024, height: 768 } })
  ).newPage();
  await pairWithCode(page, station.customerUrl, pairing.result.value.code);
  return page;
}

let pair: SocatPair;

test.beforeAll(async () => {
  pair = socatPair(await mkdtemp(join(tmpdir(), 'cs-e2e-scan-')));
  await pair.start();
});
test.afterAll(async () => pair?.stop());

test('a code scanned on the serial scanner pays the order; a code scanned at idle is ignored', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const sandboxPort = await freePort();
  const { station, stop } = await startStation({
    currency: 'CNY',
    store: { name: 'Corner Market', message: 'Welcome' },
    methods: ['code', 'face'],
    devices: {
      scanners: [
        { id: 'counter', kind: 'serial', path: pair.device, baudRate: 9600, suffix: 'CR' },
      ],
    },
    payments: { sandbox: { port: sandboxPort } },
  });
  try {
    const cashierPage = await (await browser.newContext()).newPage();
    await cashierPage.goto(station.cashierUrl);
    await expect(cashierPage.getByText('Connected')).toBeVisible();
    const cashier = await openCashier(station.wsUrl, station.cashierUrl);
    const customer = await pairedCustomer(browser, station, cashier);

    // At idle a scan is dropped, visibly, and never used later.
    const early = await walletCode(browser, sandboxPort, 'wx-alice');
    await appendFile(pair.host, `${early}\r`);
    await expect(
      cashierPage.getByText('Scan ignored: no payment is waiting for a payment code'),
    ).toBeVisible();

    const submitted = (await cashier.call(1, 'order.submit', {
      order: {
        lines: [
          { id: 'a', name: 'Jasmine tea', quantity: '2', unitPrice: 1250, amount: 2500 },
          { id: 'b', name: 'Mooncake', quantity: '1', unitPrice: 3880, amount: 3880 },
        ],
        adjustments: [],
        total: 6380,
      },
    })) as { result: { value: { revision: number } } };
    await cashier.call(2, 'checkout.send', { revision: submitted.result.value.revision });
    await customer.getByRole('button', { name: 'Confirm' }).click();
    await customer.getByRole('button', { name: /code/i }).first().click();
    // Changed their mind: back to the choice, then the code after all.
    await customer.getByRole('button', { name: /Pay another way/ }).click();
    await customer.getByRole('button', { name: /code/i }).first().click();
    await expect(cashierPage.getByText('Waiting for the payment credential')).toBeVisible();

    const code = await walletCode(browser, sandboxPort, 'wx-alice');
    await appendFile(pair.host, `${code}\r`);
    await expect(customer.getByText('Payment successful')).toBeVisible({ timeout: 20_000 });
    await expect(cashierPage.getByText('Paid', { exact: true }).first()).toBeVisible();
    await customer.screenshot({ path: test.info().outputPath('customer-paid.png') });
    await cashierPage.screenshot({ path: test.info().outputPath('cashier-paid.png') });

    // Exactly one payment reached the ledger; the early scan was not queued.
    const history = (await cashier.call(3, 'payments.history', {})) as {
      result: { value: Array<{ state: string; amount: number }> };
    };
    expect(history.result.value).toEqual([
      expect.objectContaining({ state: 'paid', amount: 6380 }),
    ]);
    cashier.close();
  } finally {
    await stop();
  }
});
