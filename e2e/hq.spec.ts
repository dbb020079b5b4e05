import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../src-main/cli/main';
import { sendBatch } from '../src-main/hq/hq-client';
import { startHqSync } from '../src-main/hq/station-sync';
import { localDay } from '../src-main/lib/local-day';
import { openLedger } from '../src-main/ledger/open-ledger';
import { createShiftStore } from '../src-main/ledger/shift-store';
import {
  ADMIN,
  enrolStation,
  payOnce,
  startHq,
  waitFor,
  type HqHarness,
} from '../src-main/hq/test-support/hq-harness';
import { postgresMissing } from '../src-main/hq/test-support/postgres';
import { wechatBill } from '../src-main/hq/test-support/provider-bills';
import { artifact } from './support/helpers';
import { E2E_CONFIG, expect, startStation, test } from './support/station';

// HQ end to end: a real `countersign serve` station enrolled with `countersign hq join` shows
// "HQ: last sync" on the cashier window; HQ's admin page (strict CSP) shows today's figures,
// the stations, reconciles a WeChat bill and pushes settings that the running station applies.

test.skip(!!postgresMissing, postgresMissing ?? '');

let hq: HqHarness;
test.beforeAll(async () => {
  hq = await startHq();
});
test.afterAll(async () => {
  await hq?.close();
});

test('HQ page, station list, reconciliation, settings and the cashier line', async ({
  browser,
}) => {
  const TODAY = localDay(Date.now());
  // Station A: a real station process, enrolled before it starts.
  const dataDir = mkdtempSync(join(tmpdir(), 'countersign-e2e-hq-'));
  const code = (
    await hq.admin('POST', '/v1/admin/codes', { storeId: 'e2e-a', stationId: 'till-1' })
  ).body.code as string;
  const out = new PassThrough();
  const io = { stdout: out, stderr: out, stdin: new PassThrough() };
  expect(await main(['hq', 'join', code, '--url', hq.url, '--data-dir', dataDir], io)).toBe(0);
  const { station, stop } = await startStation(
    { ...E2E_CONFIG, hq: { syncSeconds: 1 } },
    { dataDir },
  );
  // Station B: the station core with its real ledger, two payments pushed by the sync loop.
  const credential = await enrolStation(hq, 'e2e-b', 'till-1');
  const ledger = openLedger(join(dataDir, 'b.sqlite'), { synchronous: 'NORMAL' });
  // Taken in Wang's shift, which leaves for HQ through the same outbox.
  createShiftStore(ledger.db).open({ cashierId: 'c1', cashierName: 'Wang', float: 10_000 });
  const paid = [
    payOnce(ledger, 'b1', 1250, 'code', 'wechat'),
    payOnce(ledger, 'b2', 800, 'code', 'wechat'),
  ];
  const sync = startHqSync({
    outbox: ledger.outbox,
    send: (b) =>
      sendBatch({ url: hq.url }, credential, { storeId: 'e2e-b', stationId: 'till-1', ...b }),
    version: '0.1.0',
    now: Date.now,
    intervalMs: 200,
  });
  try {
    await waitFor(() => ledger.outbox.pending().count === 0);

    const cashier = await (await browser.newContext()).newPage();
    await cashier.goto(station.cashierUrl);
    await expect(cashier.getByTestId('hq-line')).toContainText('HQ: last sync just now');

    const page = await (await browser.newContext()).newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const res = await page.goto(hq.url);
    expect(res?.headers()['content-security-policy']).toContain("default-src 'none'");
    expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.getByLabel('Admin token').fill(ADMIN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('chain-net')).toHaveText('20.50');

    await page.getByRole('button', { name: 'Stations' }).click();
    const rows = page.getByTestId('stations').locator('tbody tr');
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: 'e2e-a' })).toContainText('OK');
    await expect(rows.filter({ hasText: 'e2e-a' })).toContainText('0.1.0');

    await page.getByRole('button', { name: 'Shifts' }).click();
    await expect(page.getByTestId('shifts').locator('tbody tr')).toContainText([
      /e2e-btill-1Wang.*100\.00.*2 · 20\.50/,
    ]);

    // WeChat's bill has b1 but not b2: one difference, placed at e2e-b/till-1.
    await page.getByRole('button', { name: 'Reconciliation' }).click();
    await page.getByLabel('Day').fill(TODAY);
    await page.getByLabel('Statement file').setInputFiles({
      name: 'wechat-bill.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        wechatBill(TODAY, [{ kind: 'payment', orderNo: paid[0]!, amount: 1250 }]),
      ),
    });
    await page.getByRole('button', { name: 'Reconcile' }).click();
    await expect(page.getByTestId('reconcile-message')).toHaveText(
      `wechat ${TODAY}: differences found`,
    );
    const rec = page.getByTestId(`reconciliation-wechat-${TODAY}`);
    await expect(rec.locator('h3 .bad')).toHaveText('1 difference');
    await expect(rec.locator('tbody tr')).toContainText([`${paid[1]}e2e-b/till-1`]);
    await artifact(page, 'hq-reconciliation');

    // Settings for store A: the station saves them on its next sync and says so.
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Stores').fill('e2e-a');
    await page.getByLabel('Settings (part of config.json)').fill('{"store":{"name":"HQ Market"}}');
    await page.getByRole('button', { name: 'Push' }).click();
    await expect(page.getByTestId('settings-message')).toHaveText('Saved for e2e-a (r1)');
    await page.getByLabel('Settings (part of config.json)').fill('{"hq":{"syncSeconds":1}}');
    await page.getByRole('button', { name: 'Push' }).click();
    await expect(page.getByTestId('settings-message')).toContainText('not a setting HQ may push');
    await expect(cashier.getByTestId('hq-line')).toContainText(
      'settings r1 from HQ saved, in effect from the next checkout',
    );
    // The idle station takes them up at once: the running cashier window shows the new name.
    await expect(cashier.locator('.topbar .store')).toHaveText('HQ Market');
    // The station reports the revision it applied with its next push (every second here).
    await page.getByRole('button', { name: 'Stations' }).click();
    await expect(async () => {
      await page.getByRole('button', { name: 'Refresh' }).click();
      await expect(rows.filter({ hasText: 'e2e-a' })).toContainText('r1 applied', {
        timeout: 500,
      });
    }).toPass();
    // The page speaks the windows' two languages.
    await page.getByRole('button', { name: '中文' }).click();
    await expect(page.getByRole('button', { name: '收银站' })).toBeVisible();
    await expect(rows.filter({ hasText: 'e2e-a' })).toContainText('正常');
    await page.getByRole('button', { name: 'English' }).click();
    expect(violations).toEqual([]);

    // HQ goes away: the cashier line says so at once, payments are not affected.
    await hq.close();
    hq = undefined as unknown as HqHarness;
    await expect(cashier.getByTestId('hq-line')).toHaveClass(/stale/);
    // The station's sentence, or the window's own words for it (translated reasons).
    await expect(cashier.getByTestId('hq-line')).toContainText(/HQ unreachable|HQ does not answer/);
    await artifact(cashier, 'hq-cashier-line-unreachable');
  } finally {
    await sync.stop();
    ledger.close();
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
