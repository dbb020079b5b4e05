// Reports benchmark (`npm run bench -- reports`): builds ledgers of 10,000 and 1,000,000 payments
// (500 a day, as a busy store takes them: 20 days and about 5.5 years) through the ledger's own
// API, then times what a day costs: the day report, the day's CSV, the open-attempts check at
// start-up, the item report and the shift report; and the journal's verification: the station's
// background pass (slices, timed in total with the longest pause it gave the event loop), the
// first report once it is done, beside a first report that verifies the whole journal itself. A day's figures must cost what the day holds,
// not what the ledger holds. Ledgers are kept in the temp dir between runs (REPORTS_BENCH_REBUILD=1
// builds them again; REPORTS_BENCH_SIZES=10000,100000 picks other sizes).
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { PaymentMethod } from '../contract/credential';
import type { PaymentPlatform } from '../contract/payment-code';
import type { Order } from '../contract/order';
import { itemReport } from '../ledger/item-report';
import { openLedger, type Ledger } from '../ledger/open-ledger';
import { createShiftStore } from '../ledger/shift-store';
import { localDay } from '../lib/local-day';
import { median, writeBenchSection } from './report';

const PER_DAY = 500;
const SIZES = (process.env.REPORTS_BENCH_SIZES ?? '10000,1000000').split(',').map(Number);
const START = new Date(2021, 0, 4, 8, 0, 0).getTime();
const DAY_MS = 86_400_000;
const ITEMS = [
  ['农夫山泉 550ml', 200],
  ['康师傅红烧牛肉面', 550],
  ['可口可乐 330ml', 300],
  ['散装苹果', 1280],
  ['Espresso', 1800],
  ['三明治', 1500],
  ['酸奶', 650],
  ['口香糖', 1000],
] as const;
const METHODS: PaymentMethod[] = ['code', 'code', 'code', 'face', 'qr', 'proxy'];
const PLATFORMS: PaymentPlatform[] = ['wechat', 'alipay', 'alipay', 'unionpay'];

/** A small seeded generator so both ledgers hold the same kind of days. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Records payment number `n` through the ledger API at the ledger's clock. */
function addPayment(ledger: Ledger, n: number, rnd: () => number, orderPrefix = 'O'): void {
  const lines = Array.from({ length: 1 + Math.floor(rnd() * 3) }, (_, i) => {
    const [name, price] = ITEMS[Math.floor(rnd() * ITEMS.length)]!;
    const qty = 1 + Math.floor(rnd() * 3);
    return { id: `L${i}`, name, quantity: String(qty), unitPrice: price, amount: qty * price };
  });
  const total = lines.reduce((s, l) => s + l.amount, 0);
  const order: Order = {
    id: `${orderPrefix}${n}`,
    currency: 'CNY',
    lines,
    adjustments: [],
    total,
    source: 'manual',
    warnings: [],
  };
  const attempt = ledger.recordOrderAndBeginAttempt(order, {
    orderId: order.id,
    amount: total,
    currency: 'CNY',
    method: METHODS[Math.floor(rnd() * METHODS.length)]!,
    platform: PLATFORMS[Math.floor(rnd() * PLATFORMS.length)]!,
    provider: 'sandbox',
    credentialHint: '1340…1234',
  });
  if (!attempt.ok) throw new Error(attempt.error.message);
  const id = attempt.value.id;
  // A handful stay open for ever (the start-up check must find them), 2% fail, 1% is refunded.
  if (n % 200_000 === 7) return;
  ledger.appendAttemptEvent(id, 'sending');
  const roll = rnd();
  if (roll < 0.02) {
    ledger.appendAttemptEvent(id, 'failed', { reason: 'declined' });
    return;
  }
  ledger.appendAttemptEvent(id, 'paid', { providerRef: `T${orderPrefix}${n}` });
  if (roll > 0.99) {
    const refund = ledger.beginRefund({ attemptId: id, amount: total, reason: 'returned' });
    if (refund.ok) ledger.appendRefundEvent(refund.value.id, 'succeeded');
  }
}

/** Fills a ledger with `payments` payments, 500 a day from 08:00, through the ledger API. */
function build(file: string, payments: number): Ledger {
  let clock = START;
  const ledger = openLedger(file, { synchronous: 'NORMAL', now: () => clock });
  ledger.db.pragma('synchronous = OFF');
  const rnd = random(7);
  const started = performance.now();
  const days = Math.ceil(payments / PER_DAY);
  for (let day = 0; day < days; day++) {
    ledger.db.transaction(() => {
      for (let k = 0; k < PER_DAY && day * PER_DAY + k < payments; k++) {
        clock = START + day * DAY_MS + k * 100_000; // 500 payments over about 14 hours
        addPayment(ledger, day * PER_DAY + k, rnd);
      }
    })();
    if (day % 200 === 199)
      console.log(
        `  ${((day + 1) * PER_DAY).toLocaleString('en-US')} payments, ${((performance.now() - started) / 1000).toFixed(0)} s`,
      );
  }
  ledger.db.pragma('synchronous = NORMAL');
  console.log(
    `  built ${payments.toLocaleString('en-US')} payments in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  return ledger;
}

const RUNS = Number(process.env.REPORTS_BENCH_RUNS ?? 15);

/** First call and median of RUNS more calls of a report, in ms. */
function time(fn: () => unknown): { first: number; median: number } {
  let t = performance.now();
  fn();
  const first = performance.now() - t;
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    fn();
    runs.push(performance.now() - t);
  }
  return { first, median: median(runs) };
}

const reports: [string, (l: Ledger, date: string) => unknown][] = [
  ['day report', (l, d) => l.dayReport(d)],
  ["day's CSV", (l, d) => l.exportCsv(d)],
  ['open attempts (start-up)', (l) => l.openAttempts()],
  ['item report', (l, d) => itemReport(l.db, d)],
];
/**
 * The alternative, as reports were before: every figure read from the attempt_current and
 * refund_current views filtered by state_day, which computes each attempt's current state
 * first; and the open attempts found by scanning every attempt. Timed once (first call).
 */
const viewsDayReport = (l: Ledger, date: string) => {
  const one = (sql: string, ...args: unknown[]) => l.db.prepare(sql).all(...args);
  one(
    `SELECT COUNT(*), SUM(amount) FROM attempt_current WHERE state = 'paid' AND state_day = ?`,
    date,
  );
  one(
    `SELECT COUNT(*), SUM(amount) FROM refund_current WHERE state = 'succeeded' AND state_day = ?`,
    date,
  );
  for (const state of ['failed', 'reversed'])
    one('SELECT COUNT(*) FROM attempt_current WHERE state = ? AND state_day = ?', state, date);
  one('SELECT DISTINCT currency FROM attempt_current WHERE state_day = ?', date);
  for (const c of ['method', 'platform', 'shift'])
    one(
      `SELECT ${c}, COUNT(*), SUM(amount) FROM attempt_current WHERE state = 'paid' AND state_day = ? GROUP BY 1`,
      date,
    );
};
const viewsOpenAttempts = (l: Ledger) =>
  l.db
    .prepare(`SELECT * FROM attempt_current WHERE state NOT IN ('paid', 'failed', 'reversed')`)
    .all();
const alternatives: [string, (l: Ledger, date: string) => unknown][] = [
  ['day report, before (whole-ledger views)', viewsDayReport],
  ['open attempts, before (scan of every attempt)', (l) => viewsOpenAttempts(l)],
];

const results = new Map<number, Map<string, { first: number; median: number }>>();
const verifyMs = new Map<
  number,
  { backgroundMs: number; longestPauseMs: number; firstReportMs: number; freshReportMs: number }
>();
/** Payments the ledger really holds (each run adds a 500-payment shift at its end). */
const held = new Map<number, number>();
for (const size of SIZES) {
  const file = join(tmpdir(), `countersign-reports-bench-${size}.sqlite`);
  // A ledger whose build was cut short has no `.complete` mark and is built again.
  const complete = `${file}.complete`;
  if (process.env.REPORTS_BENCH_REBUILD === '1' || !existsSync(complete))
    for (const suffix of ['', '-wal', '-shm', '.complete']) rmSync(file + suffix, { force: true });
  console.log(`ledger of ${size.toLocaleString('en-US')} payments: ${file}`);
  if (!existsSync(file)) {
    build(file, size).close();
    writeFileSync(complete, `${size}\n`);
  }
  if (process.env.REPORTS_BENCH_BUILD_ONLY === '1') continue;
  // The station starts the full journal verification in the background on opening
  // (docs/ledger.md); a payment-like timer measures how long any slice held the event loop.
  const ledger = openLedger(file);
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  let t = performance.now();
  const background = await ledger.verifyInBackground();
  const backgroundMs = performance.now() - t;
  loop.disable();
  if (!background?.ok) throw new Error(background ? background.error.message : 'closed');
  const middle = localDay(START + Math.floor(size / PER_DAY / 2) * DAY_MS);
  t = performance.now();
  ledger.dayReport(middle);
  const firstReportMs = performance.now() - t;
  // The alternative, as before: a first report on a fresh connection verifies the whole journal.
  const fresh = openLedger(file);
  t = performance.now();
  fresh.dayReport(middle);
  const freshReportMs = performance.now() - t;
  fresh.close();
  verifyMs.set(size, {
    backgroundMs,
    longestPauseMs: loop.max / 1e6,
    firstReportMs,
    freshReportMs,
  });
  held.set(
    size,
    (ledger.db.prepare('SELECT COUNT(*) AS n FROM attempts').get() as { n: number }).n,
  );
  const row = new Map<string, { first: number; median: number }>();
  for (const [name, fn] of reports)
    row.set(
      name,
      time(() => fn(ledger, middle)),
    );
  // A shift of 500 payments at the ledger's end (today), closed: its handover report.
  const shifts = createShiftStore(ledger.db);
  if (shifts.current()) shifts.close({ counted: 0, handedTo: null });
  const opened = shifts.open({ cashierId: 'bench', cashierName: 'Bench', float: 50_000 });
  if (!opened.ok) throw new Error(opened.error.message);
  const rnd = random(size);
  const prefix = `B${Date.now()}-`;
  ledger.db.transaction(() => {
    for (let k = 0; k < PER_DAY; k++) addPayment(ledger, k, rnd, prefix);
  })();
  shifts.close({ counted: 50_000, handedTo: null });
  row.set(
    'shift handover report (500 payments)',
    time(() => shifts.report(opened.value.id)),
  );
  for (const [name, fn] of alternatives) {
    const t0 = performance.now();
    fn(ledger, middle);
    const ms = performance.now() - t0;
    row.set(name, { first: ms, median: Number.NaN });
  }
  results.set(size, row);
  console.log(
    `  check: day ${middle} paid ${JSON.stringify((ledger.dayReport(middle) as { paid: unknown }).paid)}`,
  );
  ledger.close();
}

if (process.env.REPORTS_BENCH_BUILD_ONLY === '1') process.exit(0);
const names = [...(results.get(SIZES[0]!)?.keys() ?? [])];
const header = `| report (one day of ${PER_DAY} payments) | ${SIZES.map((s) => `${(held.get(s) ?? s).toLocaleString('en-US')} payments`).join(' | ')} |`;
const lines = [
  header,
  `| --- | ${SIZES.map(() => '---:').join(' | ')} |`,
  ...names.map(
    (n) =>
      `| ${n} | ${SIZES.map((s) => {
        const r = results.get(s)!.get(n)!;
        return Number.isNaN(r.median)
          ? `${r.first.toFixed(1)} ms (once)`
          : `${r.median.toFixed(2)} ms (first ${r.first.toFixed(1)})`;
      }).join(' | ')} |`,
  ),
];
const v = (pick: (m: NonNullable<ReturnType<typeof verifyMs.get>>) => string) =>
  SIZES.map((s) => pick(verifyMs.get(s)!)).join(' | ');
const verifyLines = [
  `| journal verification | ${SIZES.map((s) => `${(held.get(s) ?? s).toLocaleString('en-US')} payments`).join(' | ')} |`,
  `| --- | ${SIZES.map(() => '---:').join(' | ')} |`,
  `| first day report after start, once the background check is done | ${v((m) => `${m.firstReportMs.toFixed(2)} ms`)} |`,
  `| background pass at start (slices of 5,000 entries), in total | ${v((m) => `${(m.backgroundMs / 1000).toFixed(1)} s`)} |`,
  `| longest the background pass held the event loop | ${v((m) => `${m.longestPauseMs.toFixed(0)} ms`)} |`,
  `| first day report on a fresh connection, no background pass (before) | ${v((m) => `${(m.freshReportMs / 1000).toFixed(2)} s`)} |`,
];
const table = `${lines.join('\n')}\n\n${verifyLines.join('\n')}`;
console.log(`\n${table}`);
writeBenchSection(
  'reports',
  `## Reports over years of payments

\`npm run bench -- reports\` builds ledgers of ${SIZES.map((s) => s.toLocaleString('en-US')).join(' and ')} payments
(${PER_DAY} a day) through the ledger API and times one day's reports (median of ${RUNS}, first call in
brackets), then the journal's verification at start. Measured on ${new Date().toISOString().slice(0, 10)}, on the shared 2-core development machine.

${table}`,
);
