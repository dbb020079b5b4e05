import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServe } from '../payments/chaos/station-process';
import { connectClient } from '../payments/chaos/ws-client';

const dir = mkdtempSync(join(tmpdir(), 'cs-restart-'));
const pages = join(dir, 'pages');
for (const p of ['cashier', 'customer']) {
  mkdirSync(join(pages, p), { recursive: true });
  writeFileSync(join(pages, p, 'index.html'), '<html><head></head><body></body></html>');
}
const data = join(dir, 'data');
mkdirSync(data);
writeFileSync(join(data, 'config.json'), JSON.stringify({ payments: { sandbox: { port: 0 } } }));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tokenIn = (html: string) =>
  /name="countersign-token" content="([^"]+)"/.exec(html)?.[1] ?? '';

describe('a station killed mid-checkout and started again', () => {
  it('keeps the checkout and accepts the open cashier window with its token', async () => {
    let station = await startServe({ dataDir: data, port: 0, pagesDir: pages });
    const token = tokenIn(await (await fetch(`${station.url}/cashier/`)).text());
    expect(statSync(join(data, 'cashier-token')).mode & 0o777).toBe(0o600);
    const cashier = await connectClient(station.url, 'cashier', token);
    const status = await cashier.call('payments.status');
    expect(status).toMatchObject({ ok: true, value: { available: true, state: 'available' } });
    const order = {
      id: 'R-1',
      lines: [{ id: 'l1', name: 'Tea', quantity: '1', unitPrice: 700, amount: 700 }],
      total: 700,
    };
    await cashier.call('order.submit', { order });
    const sent = await cashier.call('checkout.send', { revision: 1 });
    expect(sent).toMatchObject({ ok: true, value: { phase: 'awaiting_confirmation' } });
    const before = (sent as { value: { revision: number } }).value.revision;

    await station.killHard();
    station = await startServe({ dataDir: data, port: 0, pagesDir: pages });
    try {
      // The window's token from before the restart is still the station's token.
      const again = await connectClient(station.url, 'cashier', token);
      const got = await again.call('checkout.get');
      expect(got).toMatchObject({
        ok: true,
        value: { phase: 'awaiting_confirmation', revision: before, order: { id: 'R-1' } },
      });
      expect(readFileSync(join(data, 'cashier-token'), 'utf8').trim()).toBe(token);
      again.close();
    } finally {
      await station.stop();
    }
  }, 90_000);
});
