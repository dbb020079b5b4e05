import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Credential } from '../contract/credential';
import { localDay } from '../lib/local-day';
import {
  startAlipaySimulator,
  type AlipaySimulator,
} from '../payments/test-support/alipay-simulator';
import { orderOf, tempDir } from '../payments/test-support/harness';
import {
  PROVIDER_FAST,
  providerStation,
  writeSecret,
} from '../payments/test-support/provider-station';
import { selfSigned } from '../payments/test-support/test-tls';
import {
  startWechatSimulator,
  type WechatSimulator,
} from '../payments/test-support/wechat-simulator';
import { run } from './provider-command';

const io = () => {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  return { io: { stdout, stderr: new PassThrough(), stdin: new PassThrough() }, out: () => out };
};
const DOC =
  '{"appid":"wxd930ea5d5a258f4f","mch_id":"10000100","device_info":1000,"body":"test","nonce_str":"ibuaiVcKdpRxkhJA"}';

describe('countersign provider sign', () => {
  it('prints the documented signatures for support staff to compare', async () => {
    for (const [type, want] of [
      ['MD5', '9A0A8659F005D6984697E2CA0A9CF3B7'],
      ['HMAC-SHA256', '6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6'],
    ]) {
      const t = io();
      const code = await run(
        [
          'sign',
          '--provider',
          'wechat',
          '--key',
          '192006250b4c09247ec02edce69f6a2d',
          '--params',
          DOC,
          '--sign-type',
          type!,
        ],
        t.io,
      );
      expect(code).toBe(0);
      expect(t.out().trim()).toBe(want);
    }
  });
  it('refuses what it cannot sign', async () => {
    await expect(
      run(['sign', '--provider', 'wechat', '--key', 'k', '--params', '[1'], io().io),
    ).rejects.toThrow(/not JSON/);
    await expect(
      run(['sign', '--provider', 'alipay', '--key', 'k', '--params', '{}'], io().io),
    ).rejects.toThrow(/--provider wechat/);
  });
});

// `countersign provider check | query | bill` run for real against the WeChat Pay and Alipay
// simulators over HTTP(S), with the credentials in files named by the data directory's
// config.json and a ledger the station wrote by paying through those simulators.

const tmp = tempDir('cs-provider-cli-');
const KEY = 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6';
/** Alipay's host runs two minutes behind this machine. */
const BEHIND_MS = 120_000;
let wechat: WechatSimulator;
let alipay: AlipaySimulator;
let providers: Record<string, Record<string, unknown>>;
const paid: Record<'wechat' | 'alipay', string> = { wechat: '', alipay: '' };

const pem = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
let seq = 0;
const code = (platform: 'wechat' | 'alipay'): Credential => ({
  kind: 'payment_code',
  code: `${platform === 'wechat' ? '13' : '28'}${String(Date.now() % 1e9).padStart(9, '0')}${String(++seq).padStart(7, '0')}`,
  platform,
});

/** Runs the command; its exit code and what it printed (JSON lines parsed). */
async function cli(...argv: string[]) {
  const t = io();
  const exit = await run([...argv, '--data-dir', tmp.dir], t.io);
  const lines = t.out().trim().split('\n').filter(Boolean);
  return { exit, out: t.out(), json: lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

beforeAll(async () => {
  const server = selfSigned(tmp.dir, 'server', '127.0.0.1');
  const client = selfSigned(tmp.dir, 'client', 'countersign-test-merchant');
  wechat = await startWechatSimulator({
    appId: 'wx2421b1c4370ec43b',
    mchId: '10000100',
    key: KEY,
    tls: server,
    clientCa: client.cert,
  });
  const app = pem();
  const ali = pem();
  alipay = await startAlipaySimulator({
    appId: '2014072300007148',
    appPublicKey: app.publicKey,
    alipayPrivateKey: ali.privateKey,
    now: () => Date.now() - BEHIND_MS,
  });
  // File names relative to the data directory, as a store's config.json names them.
  writeSecret(tmp.dir, 'wechat-api-key.txt', KEY);
  writeSecret(tmp.dir, 'apiclient_cert.pem', client.cert, 0o644);
  writeSecret(tmp.dir, 'apiclient_key.pem', client.key);
  writeSecret(tmp.dir, 'wechat-ca.pem', server.cert, 0o644);
  writeSecret(tmp.dir, 'alipay-app-private-key.pem', app.privateKey);
  writeSecret(tmp.dir, 'alipay-public-key.pem', ali.publicKey, 0o644);
  providers = {
    wechat: {
      url: wechat.url,
      appId: 'wx2421b1c4370ec43b',
      mchId: '10000100',
      keyFile: 'wechat-api-key.txt',
      certFile: 'apiclient_cert.pem',
      certKeyFile: 'apiclient_key.pem',
      caFile: 'wechat-ca.pem',
      ...PROVIDER_FAST,
    },
    alipay: {
      url: alipay.url,
      appId: '2014072300007148',
      privateKeyFile: 'alipay-app-private-key.pem',
      alipayPublicKeyFile: 'alipay-public-key.pem',
      ...PROVIDER_FAST,
    },
  };
  const routing = { wechat: 'wechat', alipay: 'alipay' };
  writeFileSync(
    join(tmp.dir, 'config.json'),
    JSON.stringify({ payments: { routing }, providers }, null, 2),
  );
  // The station pays one order through each provider into the data directory's ledger.
  const station = providerStation(join(tmp.dir, 'ledger.sqlite'), tmp.dir, providers);
  expect(station.problems).toEqual({});
  for (const p of ['wechat', 'alipay'] as const) {
    const out = await station.service.pay(orderOf(p === 'wechat' ? 1234 : 2345), code(p));
    expect(out.status).toBe('paid');
    paid[p] = out.attemptId!;
  }
  station.close();
}, 30_000);
afterAll(async () => {
  await wechat?.stop();
  await alipay?.stop();
  tmp.cleanup();
});

describe('countersign provider against the simulators', () => {
  it('check: loads the credential files and reports each host clock skew', async () => {
    const r = await cli('check');
    expect(r.exit).toBe(0);
    const [wx, ali] = r.json;
    expect(wx).toMatchObject({ provider: 'wechat', credentials: 'loaded' });
    expect(ali).toMatchObject({ provider: 'alipay', credentials: 'loaded' });
    // The WeChat host is this machine over TLS with the store's CA: only the Date header's
    // rounding to the second.
    expect(typeof wx!.clockSkewMs).toBe('number');
    expect(Math.abs(wx!.clockSkewMs as number)).toBeLessThan(2_000);
    // Alipay's host is two minutes behind: ours is ahead by that much.
    expect(ali!.clockSkewMs as number).toBeGreaterThan(BEHIND_MS - 2_000);
    expect(ali!.clockSkewMs as number).toBeLessThan(BEHIND_MS + 2_000);
    expect(r.out).not.toContain(KEY);
  });

  it('check: a key file others can read is named, not shown, and exits 1', async () => {
    writeSecret(tmp.dir, 'wechat-api-key.txt', KEY, 0o644);
    try {
      const r = await cli('check');
      expect(r.exit).toBe(1);
      expect(r.json[0]).toMatchObject({ provider: 'wechat' });
      expect(r.json[0]!.credentials).toMatch(/wechat-api-key\.txt/);
      expect(r.json[1]).toMatchObject({ provider: 'alipay', credentials: 'loaded' });
      expect(r.out).not.toContain(KEY);
    } finally {
      writeSecret(tmp.dir, 'wechat-api-key.txt', KEY);
    }
  });

  it('query: asks the provider the ledger names about a paid order', async () => {
    const wx = await cli('query', paid.wechat);
    expect(wx.exit).toBe(0);
    expect(wx.json[0]).toMatchObject({
      kind: 'answer',
      value: { merchantOrderNo: paid.wechat, status: 'paid', amount: 1234 },
    });
    const ali = await cli('query', paid.alipay);
    expect(ali.exit).toBe(0);
    expect(ali.json[0]).toMatchObject({
      kind: 'answer',
      value: { merchantOrderNo: paid.alipay, status: 'paid', amount: 2345 },
    });
    // An order nobody has heard of: the provider says so; no provider in the ledger: asked for.
    const none = await cli('query', 'no-such-order', '--provider', 'wechat');
    expect(none.json[0]).toMatchObject({ kind: 'answer', value: null });
    await expect(cli('query', 'no-such-order')).rejects.toThrow(/--provider is required/);
  });

  it("bill: fetches each provider's statement for the day, parses it and reconciles it", async () => {
    const today = localDay(Date.now());
    const wx = await cli('bill', today, '--provider', 'wechat');
    expect(wx.json[0]).toMatchObject({ provider: 'wechat', balanced: true });
    expect(wx.exit).toBe(0);
    const ali = await cli('bill', today, '--provider', 'alipay');
    expect(ali.json[0]).toMatchObject({ provider: 'alipay', balanced: true });
    expect(ali.exit).toBe(0);
    await expect(cli('bill', '2026-13-40', '--provider', 'wechat')).rejects.toThrow(/not a date/);
  });

  it('bill: a day without trade reconciles empty; a payment the bill lacks exits 1', async () => {
    const before = localDay(Date.now() - 3 * 86_400_000);
    for (const provider of ['wechat', 'alipay']) {
      const quiet = await cli('bill', before, '--provider', provider);
      expect(quiet.json[0]).toMatchObject({ provider, balanced: true, matchedPayments: 0 });
      expect(quiet.exit).toBe(0);
    }
    // WeChat loses a payment the station recorded as paid: the bill does not have it.
    const station = providerStation(join(tmp.dir, 'ledger.sqlite'), tmp.dir, providers);
    const out = await station.service.pay(orderOf(777), code('wechat'));
    station.close();
    expect(out.status).toBe('paid');
    wechat.orders.delete(out.attemptId!);
    const r = await cli('bill', localDay(Date.now()), '--provider', 'wechat');
    expect(r.exit).toBe(1);
    expect(r.json[0]).toMatchObject({
      provider: 'wechat',
      balanced: false,
      missingInStatement: [{ id: out.attemptId, kind: 'payment', amount: 777 }],
    });
  });
});
