import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src-sandbox/server';
import { admin, balanceOf, newAccount, stationFor, tempDir } from './test-support/harness';
import { sandboxIn } from '../../src-sandbox/test-support/sandbox-harness';

const RUNS = 52;
const PARALLEL = 4;
const START = 10_000_000;
const SOURCE = join(import.meta.dirname, 'test-support', 'crash-station.ts');

let sandbox: Sandbox;
const tmp = tempDir('cs-crash-');
const SCRIPT = join(tmp.dir, 'crash-station.mjs');
beforeAll(async () => {
  // One bundle of the real station code, so each of the many children starts in ~0.3 s
  // instead of transpiling TypeScript again; the native SQLite binding stays external.
  const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  await build({
    entryPoints: [SOURCE],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: SCRIPT,
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    plugins: [
      {
        name: 'native-external',
        setup: (b) =>
          b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: sqlite, external: true })),
      },
    ],
  });
  // Proxy payers and QR scans wait briefly, so a resumed payment does not wait two minutes.
  sandbox = await sandboxIn(tmp.dir, { passwordAbove: 15_000, proxyTimeoutMs: 400, qrLifeMs: 400 });
});
afterAll(async () => {
  await sandbox.stop();
  tmp.cleanup();
});

/** Runs the station script and SIGKILLs it at a random moment (or on a chosen progress step). */
function runAndKill(env: Record<string, string>, killAfterMs: number, killOn: string | null) {
  return new Promise<{ lastLine: string; killed: boolean }>((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lastLine = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const kill = () => child.kill('SIGKILL');
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n').filter(Boolean)) {
        lastLine = line;
        // The clock starts at the first payment (or at 'ready' when resuming), not at start-up,
        // whose length depends on how busy the machine is.
        const first = line === 'ready' ? env.MODE === 'resume' : line.startsWith('created ');
        if (first && !timer) timer = setTimeout(kill, killAfterMs);
        if (killOn && line.startsWith(`${killOn} `)) kill();
      }
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL' && code !== 0)
        reject(new Error(`station exited ${code}: ${stderr}`));
      else resolve({ lastLine, killed: signal === 'SIGKILL' });
    });
  });
}

describe('crash suite: the station SIGKILLed at random points loses and double-charges nothing', () => {
  it(`${RUNS} kills, then restart resolves every payment`, { timeout: 120_000 }, async () => {
    const killedAt: Record<string, number> = {};
    let attemptsSeen = 0;
    const killSteps = [
      null,
      null,
      'created',
      'sending',
      'querying',
      'user_paying',
      'reversing',
      'paid',
    ];
    const one = async (run: number) => {
      const account = await newAccount(sandbox, 'wechat', START);
      const ledgerFile = join(tmp.dir, `ledger-${run}.sqlite`);
      // One run in eight pays by proxy and one by merchant QR: the guarantees hold for every
      // method, and the suite's length stays about what it was.
      const method = run % 8 === 1 ? 'proxy' : run % 8 === 5 ? 'qr' : 'code';
      const proxyId = `6${String(run).padStart(7, '0')}`;
      if (method === 'proxy')
        await admin(sandbox, 'POST', '/admin/proxy-payers', {
          proxyId,
          accountId: account,
          maxAmount: START,
        });
      const env = {
        SANDBOX_URL: sandbox.url,
        ADMIN_TOKEN: sandbox.adminToken,
        LEDGER_FILE: ledgerFile,
        ACCOUNT: account,
        METHOD: method,
        PROXY_ID: proxyId,
      };
      const killOn = killSteps[run % killSteps.length]!;
      const r = await runAndKill({ ...env, MODE: 'pay' }, Math.floor(Math.random() * 900), killOn);
      const step = r.lastLine.split(' ')[0] ?? 'none';
      killedAt[step] = (killedAt[step] ?? 0) + 1;
      // Every third run is killed again while resolving, before the final restart.
      if (run % 3 === 0)
        await runAndKill({ ...env, MODE: 'resume' }, Math.floor(Math.random() * 300), null);

      const { ledger, service } = stationFor(sandbox.url, ledgerFile);
      await service.resumeOpenAttempts();
      expect(ledger.openAttempts()).toEqual([]);
      const attempts = ledger.searchHistory({ limit: 1000 });
      attemptsSeen += attempts.length;
      let paid = 0;
      const paidOrders = new Set<string>();
      for (const a of attempts) {
        const remote = sandbox.acquirer.getPayment('M100001', a.id);
        expect(remote?.status, `${a.id} ledger ${a.state}`).toBe(a.state);
        if (a.state === 'paid') {
          expect(paidOrders.has(a.orderId), `order ${a.orderId} paid twice`).toBe(false);
          paidOrders.add(a.orderId);
          paid += a.amount;
        }
      }
      // Write-ahead: the sandbox knows no payment from this account the ledger does not.
      const ids = new Set(attempts.map((a) => a.id));
      for (const row of await remotePaymentsOf(account)) expect(ids.has(row)).toBe(true);
      expect(START - (await balanceOf(sandbox, account))).toBe(paid);
      service.close();
      ledger.close();
    };
    let next = 0;
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        while (next < RUNS) await one(next++);
      }),
    );
    console.log(`killed during: ${JSON.stringify(killedAt)}; attempts checked: ${attemptsSeen}`);
    expect(attemptsSeen).toBeGreaterThan(RUNS);
  });
});

async function remotePaymentsOf(account: string): Promise<string[]> {
  const res = await fetch(`${sandbox.url}/admin/payments`, {
    headers: { 'x-cs-admin': sandbox.adminToken },
  });
  const body = (await res.json()) as {
    payments: { account_id: string | null; merchant_order_no: string }[];
  };
  return body.payments.filter((p) => p.account_id === account).map((p) => p.merchant_order_no);
}
