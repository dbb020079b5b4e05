import { createPrivateKey, createPublicKey } from 'node:crypto';
import type { PaymentGateway } from '../gateway';
import { createAlipayGateway } from './alipay/alipay-gateway';
import { readCredentialFile } from './credential-files';
import type { OrderInfoPort } from './order-info';
import type { ProvidersConfig } from './provider-config';
import { createWechatClient } from './wechat/wechat-client';
import { createWechatGateway } from './wechat/wechat-gateway';
import type { Result } from '../../contract/result';

/** The real providers config names: those that loaded, and why each other one did not. */
export interface LoadedProviders {
  gateways: (PaymentGateway & { close?: () => void })[];
  /** Provider name → a sentence for the cashier and the log (file names, never contents). */
  problems: Record<string, string>;
}

type Files = Record<string, { name: string | undefined; what: string; secret: boolean }>;

function readAll(
  dataDir: string,
  files: Files,
): Result<Record<string, string | undefined>, string> {
  const out: Record<string, string | undefined> = {};
  for (const [k, f] of Object.entries(files)) {
    if (f.name === undefined) continue;
    const r = readCredentialFile(dataDir, f.name, f.what, f.secret);
    if (!r.ok) return r;
    out[k] = r.value;
  }
  return { ok: true, value: out };
}

/** PKCS#8 or PKCS#1, armoured or bare base64 (as the Alipay portal shows it): PEM, or null. */
export function privatePem(text: string): string | null {
  for (const type of ['PRIVATE KEY', 'RSA PRIVATE KEY']) {
    try {
      const pem = pemOf(text, type);
      createPrivateKey(pem);
      return pem;
    } catch {
      // try the other armour
    }
  }
  return null;
}

/** A key that does not parse fails here, at start, not at the first customer's payment. */
function checkKeys(
  keys: { pem: string; kind: 'private' | 'public'; what: string }[],
): string | null {
  for (const k of keys) {
    try {
      if (k.kind === 'private' && !privatePem(k.pem)) throw new Error('bad key');
      if (k.kind === 'public') createPublicKey(pemOf(k.pem, 'PUBLIC KEY'));
    } catch {
      return `${k.what} is not a valid ${k.kind} key`;
    }
  }
  return null;
}

/** Alipay's portal hands out bare base64 keys; PEM-wrap them when they come without armour. */
export function pemOf(text: string, type: string): string {
  if (text.includes('-----BEGIN')) return text;
  return `-----BEGIN ${type}-----\n${text.replace(/\s+/g, '').replace(/(.{64})/g, '$1\n')}\n-----END ${type}-----\n`;
}

/**
 * Builds the configured real providers. A provider whose files are missing, readable by
 * others, or invalid is left out with its reason; the others keep working.
 */
export function loadProviders(
  config: ProvidersConfig,
  dataDir: string,
  orderInfo: OrderInfoPort,
): LoadedProviders {
  const out: LoadedProviders = { gateways: [], problems: {} };
  const w = config.wechat;
  if (w) {
    const files = readAll(dataDir, {
      key: { name: w.keyFile, what: 'the WeChat Pay API key file', secret: true },
      cert: { name: w.certFile, what: 'the WeChat Pay certificate', secret: false },
      certKey: { name: w.certKeyFile, what: 'the WeChat Pay certificate key', secret: true },
      ca: { name: w.caFile, what: 'the WeChat Pay CA file', secret: false },
    });
    const bad = files.ok
      ? (checkKeys([
          { pem: files.value.certKey!, kind: 'private', what: 'the WeChat Pay certificate key' },
        ]) ??
        (/^[A-Za-z0-9]{32}$/.test(files.value.key!)
          ? null
          : 'the WeChat Pay API key is not 32 letters and digits'))
      : files.error;
    if (bad || !files.ok) out.problems.wechat = bad ?? 'unreadable';
    else {
      const client = createWechatClient({
        url: w.url,
        timeoutMs: w.timeoutMs,
        credentials: {
          appId: w.appId,
          mchId: w.mchId,
          subMchId: w.subMchId,
          subAppId: w.subAppId,
          key: files.value.key!,
          signType: w.signType,
          cert: files.value.cert!,
          certKey: files.value.certKey!,
          ca: files.value.ca,
        },
      });
      out.gateways.push({
        ...createWechatGateway({
          client,
          orderInfo,
          deviceInfo: w.deviceInfo,
          terminalIp: w.terminalIp,
          timing: { queryIntervalMs: w.queryIntervalMs, deadlineMs: w.deadlineMs },
        }),
        close: client.close,
      });
    }
  }
  const a = config.alipay;
  if (a) {
    const files = readAll(dataDir, {
      privateKey: {
        name: a.privateKeyFile,
        what: 'the Alipay application private key',
        secret: true,
      },
      publicKey: { name: a.alipayPublicKeyFile, what: 'the Alipay public key', secret: false },
      token: { name: a.appAuthTokenFile, what: 'the Alipay app_auth_token file', secret: true },
    });
    const bad = files.ok
      ? checkKeys([
          {
            pem: files.value.privateKey!,
            kind: 'private',
            what: 'the Alipay application private key',
          },
          { pem: files.value.publicKey!, kind: 'public', what: 'the Alipay public key' },
        ])
      : files.error;
    if (bad || !files.ok) out.problems.alipay = bad ?? 'unreadable';
    else
      out.gateways.push(
        createAlipayGateway({
          url: a.url,
          timeoutMs: a.timeoutMs,
          credentials: {
            appId: a.appId,
            privateKey: privatePem(files.value.privateKey!)!,
            alipayPublicKey: files.value.publicKey!,
            appAuthToken: files.value.token,
          },
          orderInfo,
          storeId: a.storeId,
          terminalId: a.terminalId,
          timing: { queryIntervalMs: a.queryIntervalMs, deadlineMs: a.deadlineMs },
        }),
      );
  }
  return out;
}
