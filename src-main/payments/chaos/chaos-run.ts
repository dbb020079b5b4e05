import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { mountTmpfs, unmount } from '../../station/test-support/mounts';
import { startSandboxProcess } from '../sandbox-process';
import { compareLedgerWithSandbox, type ChaosVerdict } from './chaos-check';
import { startServe, type StationProcess } from './station-process';
import { connectClient, type WsClient } from './ws-client';

export interface ChaosOptions {
  durationMs: number;
  /** A scratch directory (removed by the caller). */
  dir: string;
  log?: (line: string) => void;
}

export interface ChaosFigures extends ChaosVerdict {
  durationMs: number;
  checkouts: number;
  kills: number;
  faults: number;
  diskFull: number;
  /** Kills before a payment was sent whose checkout came back in the same phase and order. */
  checkoutsRestored: number;
  checkoutsLost: number;
  /** Times the cashier window was told payments stopped on the ledger (full disk). */
  ledgerStops: number;
  /** Payments announced to the cashier window as resolved after a restart or a full disk. */
  resolvedAnnounced: number;
  /** Per restart: ms from the station listening again until no attempt is open in the ledger. */
  finalAfterBackMs: number[];
  tmpfs: string;
}

const FAULTS = [
  { kind: 'lost_response', ms: 50 },
  { kind: 'delay', ms: 1500 },
  { kind: 'error_5xx', phase: 'before' },
  { kind: 'error_5xx', phase: 'after' },
  { kind: 'connection_reset', phase: 'after' },
  { kind: 'user_paying', outcome: 'paid', ms: 800 },
  { kind: 'user_paying', outcome: 'cancelled', ms: 500 },
];
const FINAL = ['paid', 'failed', 'cancelled'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * The station under `countersign serve` with the sandbox as its payment system, paying orders
 * through the contract as both windows would, while faults are injected at the payment system,
 * the station is SIGKILLed at random steps and restarted, and its data directory's disk (a
 * small tmpfs) fills up and empties. At the end the ledger is compared with the sandbox.
 */
export async function runChaos(opts: ChaosOptions): Promise<ChaosFigures> {
  const log = opts.log ?? (() => {});
  const dirs = {
    sandbox: join(opts.dir, 'sandbox'),
    station: join(opts.dir, 'station'),
    pages: join(opts.dir, 'pages'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  for (const page of ['cashier', 'customer']) {
    mkdirSync(join(dirs.pages, page), { recursive: true });
    writeFileSync(
      join(dirs.pages, page, 'index.html'),
      '<!doctype html><html><head></head><body></body></html>',
    );
  }
  const mounted = mountTmpfs(dirs.station, '24m');
  const tmpfs = mounted.ok
    ? 'tmpfs 24 MiB'
    : `no tmpfs (${mounted.error}); disk-full steps skipped`;
  log(`data directory on ${tmpfs}`);
  const sandbox = await startSandboxProcess({
    port: 0,
    dataDir: dirs.sandbox,
    passwordAbove: 10_000_000,
  });
  const admin = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(sandbox.url + path, {
      method,
      headers: { 'x-cs-admin': sandbox.adminToken, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await res.json()) as Record<string, unknown>;
  };
  await admin('POST', '/admin/accounts', { id: 'chaos-wx', platform: 'wechat', balance: 1e9 });
  const port = await freePort();
  writeFileSync(
    join(dirs.station, 'config.json'),
    JSON.stringify({
      payments: {
        // Our sandbox already answers there: the station must use it, not start another.
        sandbox: { port: Number(new URL(sandbox.url).port) },
        timeoutMs: 800,
        queryIntervalMs: 200,
        deadlineMs: 4000,
        reverseRetryMs: 200,
      },
      ocr: { languages: ['eng'], workers: 1, warmUp: false },
    }),
  );
  const figures: ChaosFigures = {
    attempts: 0,
    orders: 0,
    paid: 0,
    failed: 0,
    reversed: 0,
    doubleCharges: [],
    lost: [],
    nonFinal: [],
    durationMs: 0,
    checkouts: 0,
    kills: 0,
    faults: 0,
    diskFull: 0,
    checkoutsRestored: 0,
    ledgerStops: 0,
    resolvedAnnounced: 0,
    checkoutsLost: 0,
    finalAfterBackMs: [],
    tmpfs,
  };
  const filler = join(dirs.station, 'filler');
  const fill = () => {
    const chunk = Buffer.alloc(256 * 1024, 7);
    for (;;) {
      try {
        writeFileSync(filler, chunk, { flag: 'a' });
      } catch {
        return;
      }
    }
  };

  let station: StationProcess = await startServe({
    dataDir: dirs.station,
    port,
    pagesDir: dirs.pages,
  });
  let cashier!: WsClient;
  let customer!: WsClient;
  const tally = () => {
    for (const e of cashier?.events.splice(0) ?? []) {
      if (e.name === 'payments.resolved') figures.resolvedAnnounced++;
      const state = (e.payload as { state?: string }).state;
      if (e.name === 'payments.status' && state === 'ledger_unwritable') figures.ledgerStops++;
    }
  };
  const connect = async () => {
    tally();
    const token = readFileSync(join(dirs.station, 'cashier-token'), 'utf8').trim();
    const page = await (await fetch(`${station.url}/customer/`)).text();
    const customerToken = /name="countersign-token" content="([^"]+)"/.exec(page)?.[1] ?? '';
    cashier = await connectClient(station.url, 'cashier', token);
    customer = await connectClient(station.url, 'customer', customerToken);
  };
  await connect();
  const snapshot = async () => {
    const r = await cashier.call('checkout.get');
    return r.ok
      ? (r.value as { phase: string; revision: number; order: { id: string } | null })
      : null;
  };
  const ledgerFile = join(dirs.station, 'ledger.sqlite');
  const openInLedger = () => {
    try {
      return compareLedgerWithSandbox(ledgerFile, []).nonFinal.length;
    } catch {
      return 0;
    }
  };
  /** Waits until no attempt is open, as the station resolves them; returns how long from back. */
  const untilNothingOpen = async (limitMs = 60_000) => {
    while (openInLedger() > 0 && Date.now() - station.backAt < limitMs) await sleep(100);
    return Date.now() - station.backAt;
  };
  const restart = async () => {
    await station.killHard();
    figures.kills++;
    cashier.close();
    customer.close();
    const t0 = Date.now();
    station = await startServe({ dataDir: dirs.station, port, pagesDir: dirs.pages });
    log(`restarted in ${Date.now() - t0} ms`);
    await connect();
    figures.finalAfterBackMs.push(await untilNothingOpen());
  };
  /** Waits while a payment is authorizing (the station must end it by itself). */
  const untilFinal = async (ms = 60_000) => {
    const until = Date.now() + ms;
    for (;;) {
      const s = await snapshot();
      if (!s || s.phase !== 'authorizing' || Date.now() > until) return s;
      await sleep(100);
    }
  };

  const started = Date.now();
  for (let n = 1; Date.now() - started < opts.durationMs; n++) {
    figures.checkouts++;
    const amount = 1 + Math.floor(Math.random() * 20_000);
    const killAt = Math.random() < 0.4 ? pick([1, 2, 3, 4, 5, 5, 5]) : 0;
    const diskFull = mounted.ok && killAt === 0 && Math.random() < 0.15;
    const steps: (() => Promise<unknown>)[] = [
      () =>
        cashier.call('order.submit', {
          order: {
            id: `CH${started}-${n}`,
            lines: [{ id: 'l1', name: 'Chaos item', quantity: '1', unitPrice: amount, amount }],
            total: amount,
          },
        }),
      async () => cashier.call('checkout.send', { revision: (await snapshot())?.revision ?? 0 }),
      async () =>
        customer.call('checkout.confirm', { revision: (await snapshot())?.revision ?? 0 }),
      () => customer.call('checkout.chooseMethod', { method: 'code' }),
      async () => {
        if (Math.random() < 0.6) {
          figures.faults++;
          await admin('POST', '/admin/faults', { faults: [pick(FAULTS)] });
        }
        const code = (await admin('POST', '/admin/accounts/chaos-wx/codes')) as { code: string };
        return cashier.call('scan.submit', { raw: code.code });
      },
    ];
    for (let i = 0; i < steps.length; i++) {
      await steps[i]!();
      if (diskFull && i === 4) {
        await sleep(Math.random() * 200);
        fill();
        figures.diskFull++;
        await sleep(1500 + Math.random() * 1500);
        rmSync(filler, { force: true });
      }
      if (killAt === i + 1) {
        // Mid-payment kills land at a random moment of the authorization.
        if (i === 4) await sleep(Math.random() * 1500);
        const before = await snapshot();
        await restart();
        const after = await snapshot();
        if (before && before.phase !== 'authorizing' && !FINAL.includes(before.phase)) {
          const same = after?.phase === before.phase && after?.order?.id === before.order?.id;
          figures[same ? 'checkoutsRestored' : 'checkoutsLost']++;
        }
        break;
      }
    }
    // Whatever state it is in now: wait for a payment to end, then clear the checkout.
    const s = await untilFinal();
    if (s && !FINAL.includes(s.phase) && s.phase !== 'idle')
      await cashier.call('checkout.cancel', {});
    await cashier.call('checkout.reset', {});
  }

  // The end: one more kill and restart, then everything must be final within 60 s of it.
  await restart();
  figures.durationMs = Date.now() - started;
  tally();
  await station.stop();
  const rows = (await admin('GET', '/admin/payments')).payments as Parameters<
    typeof compareLedgerWithSandbox
  >[1];
  Object.assign(figures, compareLedgerWithSandbox(ledgerFile, rows));
  await sandbox.stop();
  if (mounted.ok) unmount(dirs.station);
  return figures;
}
