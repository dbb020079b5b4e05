import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAlipaySimulator, type AlipaySimulator } from '../test-support/alipay-simulator';
import { tempDir } from '../test-support/harness';
import { PROVIDER_FAST, providerStation, writeSecret } from '../test-support/provider-station';
import type { SimFault } from '../test-support/sim-faults';
import { selfSigned } from '../test-support/test-tls';
import { startWechatSimulator, type WechatSimulator } from '../test-support/wechat-simulator';

const RUNS = 8;
const tmp = tempDir('cs-pcrash-');
// Inside node_modules so the bundle finds alipay-sdk and better-sqlite3 where npm put them.
const SCRIPT = join(
  createRequire(import.meta.url).resolve('esbuild'),
  '../../../.cache/cs-provider-crash-station.mjs',
);
let wechat: WechatSimulator;
let alipay: AlipaySimulator;
const configs: Record<string, unknown> = {};

beforeAll(async () => {
  await build({
    entryPoints: [join(import.meta.dirname, '..', 'test-support', 'provider-crash-station.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: SCRIPT,
    logLevel: 'warning',
  });
  const server = selfSigned(tmp.dir, 'server', '127.0.0.1');
  const client = selfSigned(tmp.dir, 'client', 'merchant');
  const key = 'Z1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6';
  wechat = await startWechatSimulator({
    appId: 'wx2421b1c4370ec43b',
    mchId: '10000100',
    key,
    tls: server,
    clientCa: client.cert,
  });
  configs.wechat = {
    wechat: {
      url: wechat.url,
      appId: 'wx2421b1c4370ec43b',
      mchId: '10000100',
      keyFile: writeSecret(tmp.dir, 'k.txt', key),
      certFile: writeSecret(tmp.dir, 'c.pem', client.cert, 0o644),
      certKeyFile: writeSecret(tmp.dir, 'ck.pem', client.key),
      caFile: writeSecret(tmp.dir, 'ca.pem', server.cert, 0o644),
      ...PROVIDER_FAST,
    },
  };
  const pair = () =>
    generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
  const app = pair();
  const ali = pair();
  alipay = await startAlipaySimulator({
    appId: '2014072300007148',
    appPublicKey: app.publicKey,
    alipayPrivateKey: ali.privateKey,
  });
  configs.alipay = {
    alipay: {
      url: alipay.url,
      appId: '2014072300007148',
      privateKeyFile: writeSecret(tmp.dir, 'ap.pem', app.privateKey),
      alipayPublicKeyFile: writeSecret(tmp.dir, 'alp.pem', ali.publicKey, 0o644),
      ...PROVIDER_FAST,
    },
  };
}, 60_000);
afterAll(async () => {
  await wechat?.stop();
  await alipay?.stop();
  tmp.cleanup();
});

function runAndKill(env: Record<string, string>, killAfterMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let last = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n').filter(Boolean)) {
        last = line;
        const first = env.MODE === 'resume' ? line === 'ready' : line.startsWith('created ');
        if (first && !timer) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL' && code !== 0)
        reject(new Error(`station exited ${code}: ${stderr}`));
      else resolve(last.split(' ')[0] ?? 'none');
    });
  });
}

describe('provider crash runs: SIGKILLed stations lose and double-charge nothing', () => {
  for (const platform of ['wechat', 'alipay'] as const) {
    it(
      `${platform}: ${RUNS} kills, then restart resolves every payment`,
      { timeout: 60_000 },
      async () => {
        const sim = platform === 'wechat' ? wechat : alipay;
        const route = platform === 'wechat' ? 'micropay' : 'pay';
        const killedAt: Record<string, number> = {};
        const known = new Set<string>();
        let byFace = 0;
        for (let run = 0; run < RUNS; run++) {
          const faults: SimFault[] = [
            { route, kind: 'lost', ms: 50, count: 2 },
            { route, kind: 'delay', ms: 500 },
            { route, kind: 'error_5xx' },
          ];
          sim.faults.inject(faults.slice(run % 3));
          const env = {
            LEDGER_FILE: join(tmp.dir, `${platform}-${run}.sqlite`),
            DATA_DIR: tmp.dir,
            PROVIDERS: JSON.stringify(configs[platform]),
            PLATFORM: platform,
            // Half the payments by face codes from the simulator's face device.
            FACE_CODES: Array.from({ length: 20 }, () =>
              platform === 'wechat' ? wechat.faceCode() : alipay.ftoken(),
            ).join(','),
          };
          const step = await runAndKill({ ...env, MODE: 'pay' }, Math.floor(Math.random() * 1200));
          killedAt[step] = (killedAt[step] ?? 0) + 1;
          if (run % 3 === 0)
            await runAndKill({ ...env, MODE: 'resume' }, Math.floor(Math.random() * 300));
          sim.faults.clear();
          const station = providerStation(env.LEDGER_FILE, tmp.dir, configs[platform]);
          await station.service.resumeOpenAttempts();
          expect(station.ledger.openAttempts()).toEqual([]);
          const paidOrders = new Set<string>();
          for (const a of station.ledger.searchHistory({ limit: 1000 })) {
            known.add(a.id);
            const remote =
              platform === 'wechat' ? wechat.orders.get(a.id) : alipay.trades.get(a.id);
            expect(remote?.charged ?? 0, `${a.id} ledger ${a.state}`).toBe(
              a.state === 'paid' ? a.amount : 0,
            );
            if (remote && 'byFace' in remote && remote.byFace) byFace++;
            if (a.state === 'paid') {
              expect(paidOrders.has(a.orderId), `order ${a.orderId} paid twice`).toBe(false);
              paidOrders.add(a.orderId);
            }
          }
          station.close();
        }
        // Write-ahead: the provider holds no order the ledgers do not know.
        const remoteIds =
          platform === 'wechat' ? [...wechat.orders.keys()] : [...alipay.trades.keys()];
        for (const id of remoteIds) expect(known.has(id), id).toBe(true);
        expect(byFace, 'payments by face code').toBeGreaterThan(0);
        console.log(
          `${platform} killed during: ${JSON.stringify(killedAt)}; attempts: ${known.size}, by face: ${byFace}`,
        );
      },
    );
  }
});
