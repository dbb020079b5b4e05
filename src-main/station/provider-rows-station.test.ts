import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load-config';
import type { ProviderStatusView } from '../contract/store-ops';
import {
  startAlipaySimulator,
  type AlipaySimulator,
} from '../payments/test-support/alipay-simulator';
import { PROVIDER_FAST, writeSecret } from '../payments/test-support/provider-station';
import { createStation, type Station } from './create-station';
import { lastCallOf, type AttemptSummary } from './provider-rows';

const pem = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });

/**
 * The device panel's provider rows on a real station: Alipay against its simulator over HTTP
 * (credentials from files, clock from its Date header), WeChat Pay configured without its key.
 */
describe('device panel: real payment provider rows', () => {
  let dir: string;
  let sim: AlipaySimulator;
  let station: Station;
  let privateKeyFile: string;
  const rows = async (command: 'devices.providers' | 'providers.check') => {
    const r = await station.dispatch('cashier', command, {});
    if (!r.ok) throw new Error(r.error.message);
    return r.value as ProviderStatusView[];
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cs-provider-rows-'));
    const app = pem();
    const alipay = pem();
    sim = await startAlipaySimulator({
      appId: '2014072300007148',
      appPublicKey: app.publicKey,
      alipayPrivateKey: alipay.privateKey,
    });
    privateKeyFile = writeSecret(dir, 'alipay-app-private-key.pem', app.privateKey);
    station = await createStation({
      dataDir: dir,
      config: parseConfig({
        payments: { sandbox: { port: 0 }, routing: { alipay: 'alipay' } },
        providers: {
          alipay: {
            url: sim.url,
            appId: '2014072300007148',
            privateKeyFile,
            alipayPublicKeyFile: writeSecret(dir, 'alipay-public-key.pem', alipay.publicKey, 0o644),
            ...PROVIDER_FAST,
          },
          wechat: {
            url: 'http://127.0.0.1:9/',
            appId: 'wx2421b1c4370ec43b',
            mchId: '10000100',
            keyFile: join(dir, 'wechat-api-key.txt'),
            certFile: join(dir, 'apiclient_cert.pem'),
            certKeyFile: join(dir, 'apiclient_key.pem'),
          },
        },
      }),
      logger: pino({ level: 'silent' }),
      parts: { capture: false, devices: false },
    });
  }, 30_000);

  afterAll(async () => {
    await station?.close();
    await sim?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows each configured provider, loaded or why not, and checks credentials and clock', async () => {
    let [wechat, alipay] = await rows('devices.providers');
    expect(alipay).toMatchObject({ name: 'alipay', routed: true, credentials: 'loaded' });
    expect(alipay!.lastError).toBeNull();
    expect(alipay!.lastCheckedAt).toBeNull();
    expect(wechat).toMatchObject({ name: 'wechat', routed: false });
    expect(wechat!.credentials).toMatch(/wechat-api-key\.txt/);
    expect(wechat!.lastError).toBe(wechat!.credentials);

    [wechat, alipay] = await rows('providers.check');
    expect(alipay!.credentials).toBe('loaded');
    // Both clocks are this machine's: the skew is the HTTP Date header's rounding, under 2 s.
    expect(Math.abs(alipay!.clockSkewMs!)).toBeLessThan(2000);
    expect(alipay!.lastCheckedAt).not.toBeNull();
    // Nothing listens on port 9: the row says the host is unreachable, beside the missing key.
    expect(wechat!.clockSkewMs).toBeNull();
    expect(wechat!.lastError).toMatch(/wechat-api-key\.txt/);

    // The private key becomes readable by others: the check says so, without its contents.
    chmodSync(privateKeyFile, 0o644);
    [, alipay] = await rows('providers.check');
    expect(alipay!.credentials).not.toBe('loaded');
    expect(alipay!.lastError).toMatch(/alipay-app-private-key\.pem/);
    expect(alipay!.lastError).not.toContain('PRIVATE KEY');
  });
});

describe('lastCallOf', () => {
  it('takes the newest attempt of that provider, whatever the order', () => {
    const recent: AttemptSummary[] = [
      {
        provider: 'alipay',
        createdAt: 5,
        state: 'failed',
        reason: 'ACQ.PAYMENT_AUTH_CODE_INVALID',
      },
      { provider: 'sandbox', createdAt: 9, state: 'paid', reason: null },
      { provider: 'alipay', createdAt: 7, state: 'paid', reason: null },
      { provider: 'alipay', createdAt: 3, state: 'failed', reason: 'x' },
    ];
    expect(lastCallOf(recent, 'alipay')).toEqual({ at: 7, state: 'paid', reason: null });
    expect(lastCallOf(recent, 'wechat')).toBeNull();
  });
});
