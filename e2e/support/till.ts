import type { Browser, Page } from '@playwright/test';
import { freePort, pairWithCode } from './helpers';
import { openCashier, type RawClient } from './raw-ws';
import { E2E_CONFIG, expect, startStation, type Station } from './station';

/** A station with its sandbox on a known port, both windows, and a page standing for a phone. */
export interface Till {
  station: Station;
  sandboxUrl: string;
  cashier: Page;
  customer: Page;
  phone: Page;
  call(command: string, input: unknown): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

/**
 * Starts a station on a plain config (plus `payments` settings such as the proxy and QR waits),
 * opens the cashier window, pairs a customer display and opens a phone-sized page. Orders go
 * in over the cashier's WebSocket (the editor has its own tests); paying goes through pages.
 */
export async function openTill(
  browser: Browser,
  sandbox: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
): Promise<Till> {
  const port = await freePort();
  const { station, stop } = await startStation({
    ...E2E_CONFIG,
    // Results stay up until the test moves on: no race with the station's reset.
    customer: { language: 'en', resultSeconds: 120 },
    payments: { sandbox: { port, ...sandbox } },
    ...extra,
  });
  const cashier = await (await browser.newContext()).newPage();
  const customer = await (
    await browser.newContext({ viewport: { width: 1024, height: 768 } })
  ).newPage();
  const phone = await (
    await browser.newContext({ viewport: { width: 420, height: 800 } })
  ).newPage();
  await cashier.goto(station.cashierUrl);
  await expect(cashier.getByText('Connected')).toBeVisible();
  const raw: RawClient = await openCashier(station.wsUrl, station.cashierUrl);
  let id = 1;
  const call = async (command: string, input: unknown) => {
    const reply = await raw.call(id++, command, input);
    const result = reply.result as { ok: boolean; value: Record<string, unknown> };
    expect(result?.ok, `${command}: ${JSON.stringify(reply)}`).toBe(true);
    return result.value;
  };
  const { code } = (await call('pairing.create', {})) as { code: string };
  await pairWithCode(customer, station.customerUrl, code);
  return {
    station,
    sandboxUrl: `http://127.0.0.1:${port}`,
    cashier,
    customer,
    phone,
    call,
    stop: async () => {
      raw.close();
      await stop();
    },
  };
}

/** Sends a two-line order of `total` to the customer, who confirms it. */
export async function sendOrder(till: Till, total: number): Promise<void> {
  const submitted = await till.call('order.submit', {
    order: {
      lines: [
        {
          id: 'l1',
          name: 'Jasmine rice 5kg',
          quantity: '1',
          unitPrice: total - 600,
          amount: total - 600,
        },
        { id: 'l2', name: 'Eggs', quantity: '2', unitPrice: 300, amount: 600 },
      ],
      adjustments: [],
      total,
    },
  });
  await till.call('checkout.send', { revision: submitted.revision, acceptWarnings: false });
  await till.customer.getByRole('button', { name: 'Confirm' }).click();
}

/** The customer picks a payment method on the display. */
export async function choose(till: Till, method: string): Promise<void> {
  await till.customer.locator(`button[data-method="${method}"]`).click();
}
