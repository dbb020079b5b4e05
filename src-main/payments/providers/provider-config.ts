import { z } from 'zod';

/** A file path named in config: credentials live in files, never in config.json itself. */
const filePath = z.string().min(1).max(500);
const ms = (min: number, max: number, def: number) =>
  z.number().int().min(min).max(max).default(def);

/** WeChat Pay merchant API v2 (payment-code payments), as a store configures it. */
export const wechatConfigSchema = z
  .object({
    /** The API host; a test simulator's address in tests. */
    url: z.url().default('https://api.mch.weixin.qq.com'),
    appId: z.string().regex(/^[A-Za-z0-9]{4,32}$/, 'the AppID such as wx2421b1c4370ec43b'),
    mchId: z.string().regex(/^\d{6,32}$/, 'the merchant number (商户号), digits'),
    /** Service-provider mode: the sub-merchant this store is, and optionally its AppID. */
    subMchId: z
      .string()
      .regex(/^\d{6,32}$/)
      .optional(),
    subAppId: z
      .string()
      .regex(/^[A-Za-z0-9]{4,32}$/)
      .optional(),
    signType: z.enum(['MD5', 'HMAC-SHA256']).default('HMAC-SHA256'),
    /** File holding the 32-character API key (API密钥) set in the merchant portal. */
    keyFile: filePath,
    /** apiclient_cert.pem and apiclient_key.pem: the client certificate reverse and refund need. */
    certFile: filePath,
    certKeyFile: filePath,
    /** Extra CA to trust (a simulator's self-signed certificate); real WeChat needs none. */
    caFile: filePath.optional(),
    /** Terminal number and IP reported with each payment (device_info, spbill_create_ip). */
    deviceInfo: z.string().max(32).optional(),
    terminalIp: z.ipv4().default('127.0.0.1'),
    timeoutMs: ms(100, 60_000, 10_000),
    /** WeChat's own rule for USERPAYING: query every 5 s, give up (reverse) after 30 s. */
    queryIntervalMs: ms(5, 60_000, 5_000),
    deadlineMs: ms(20, 600_000, 30_000),
  })
  .strict();
export type WechatConfig = z.infer<typeof wechatConfigSchema>;

/** Alipay open platform, face-to-face payments (当面付), as a store configures it. */
export const alipayConfigSchema = z
  .object({
    url: z.url().default('https://openapi.alipay.com/gateway.do'),
    appId: z.string().regex(/^\d{8,32}$/, 'the APPID such as 2014072300007148'),
    /** The application private key (RSA2, PKCS#8 or PKCS#1 PEM) and Alipay's public key. */
    privateKeyFile: filePath,
    alipayPublicKeyFile: filePath,
    /** Service-provider mode: the authorisation token of the merchant this store is. */
    appAuthTokenFile: filePath.optional(),
    storeId: z.string().max(32).optional(),
    terminalId: z.string().max(32).optional(),
    timeoutMs: ms(100, 60_000, 10_000),
    /** Alipay's rule for 10003 (paying): query every 5 s, cancel after 30 s. */
    queryIntervalMs: ms(5, 60_000, 5_000),
    deadlineMs: ms(20, 600_000, 30_000),
  })
  .strict();
export type AlipayConfig = z.infer<typeof alipayConfigSchema>;

/**
 * The `providers` section of config.json: the real providers this store has contracts with, and
 * which platforms it accepts at all. `payments.routing` names the provider of each platform.
 */
export const providersConfigSchema = z
  .object({
    wechat: wechatConfigSchema.optional(),
    alipay: alipayConfigSchema.optional(),
    /** A platform switched off is refused before any network call. */
    platforms: z
      .object({
        wechat: z.boolean().default(true),
        alipay: z.boolean().default(true),
        unionpay: z.boolean().default(true),
      })
      .strict()
      .default({ wechat: true, alipay: true, unionpay: true }),
  })
  .strict();
export type ProvidersConfig = z.infer<typeof providersConfigSchema>;
