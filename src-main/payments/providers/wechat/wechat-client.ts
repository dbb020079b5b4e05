import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { Agent, request as httpsRequest } from 'node:https';
import { wechatSign, wechatVerify, type WechatSignType } from './wechat-sign';
import { parseWechatXml, toWechatXml } from './wechat-xml';

/** The merchant's identity and secrets, loaded from the files config names. */
export interface WechatCredentials {
  appId: string;
  mchId: string;
  subMchId?: string;
  subAppId?: string;
  key: string;
  signType: WechatSignType;
  /** PEM client certificate and its key (reverse, refund). */
  cert: string;
  certKey: string;
  ca?: string;
}

/** A verified answer; `fail` = return_code FAIL (the request was not processed). */
export type WechatReply =
  | { kind: 'ok'; params: Record<string, string> }
  | { kind: 'fail'; message: string }
  | { kind: 'unknown'; reason: string };

type Raw = { kind: 'http'; status: number; body: string } | { kind: 'unknown'; reason: string };

/** Posts signed XML to the WeChat Pay v2 API; `secure` paths present the client certificate. */
export function createWechatClient(opts: {
  url: string;
  timeoutMs: number;
  credentials: WechatCredentials;
}) {
  const c = opts.credentials;
  const base = new URL(opts.url);
  const agent = new Agent({ keepAlive: true, ca: c.ca });
  const certAgent = new Agent({ keepAlive: true, ca: c.ca, cert: c.cert, key: c.certKey });

  const post = (path: string, body: string, secure: boolean): Promise<Raw> =>
    new Promise((resolve) => {
      const url = new URL(path, base);
      const send = url.protocol === 'http:' ? httpRequest : httpsRequest;
      const req = send(
        url,
        {
          method: 'POST',
          headers: { 'content-type': 'text/xml; charset=utf-8' },
          timeout: opts.timeoutMs,
          ...(url.protocol === 'https:' ? { agent: secure ? certAgent : agent } : {}),
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (d: Buffer) => chunks.push(d));
          res.on('end', () =>
            resolve({
              kind: 'http',
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', (e) => resolve({ kind: 'unknown', reason: e.message }));
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer within ${opts.timeoutMs} ms`)));
      req.on('error', (e: Error & { code?: string }) =>
        resolve({ kind: 'unknown', reason: e.code ?? e.message }),
      );
      req.end(body);
    });

  /** The common fields every request carries, signed. */
  const signed = (params: Record<string, string | undefined>): string => {
    const all: Record<string, string | undefined> = {
      appid: c.appId,
      mch_id: c.mchId,
      sub_appid: c.subAppId,
      sub_mch_id: c.subMchId,
      nonce_str: randomBytes(16).toString('hex'),
      sign_type: c.signType,
      ...params,
    };
    return toWechatXml({ ...all, sign: wechatSign(all, c.key, c.signType) });
  };

  /** Checks an answer: XML, signature, and that it is about our merchant. */
  const interpret = (raw: Raw): WechatReply => {
    if (raw.kind === 'unknown') return raw;
    if (raw.status >= 500) return { kind: 'unknown', reason: `HTTP ${raw.status}` };
    if (raw.status !== 200) return { kind: 'unknown', reason: `HTTP ${raw.status}` };
    const xml = parseWechatXml(raw.body);
    if (!xml.ok) return { kind: 'unknown', reason: `the answer is not WeChat XML (${xml.error})` };
    const p = xml.value;
    if (p.return_code !== 'SUCCESS')
      return { kind: 'fail', message: p.return_msg || 'return_code FAIL' };
    // A forged or corrupted answer is no answer: the outcome stays unknown and is queried.
    if (!wechatVerify(p, c.key, c.signType))
      return { kind: 'unknown', reason: 'the answer signature does not verify' };
    if (p.mch_id !== c.mchId || (p.appid !== undefined && p.appid !== c.appId))
      return { kind: 'unknown', reason: 'the answer names another merchant' };
    if (c.subMchId && p.sub_mch_id !== undefined && p.sub_mch_id !== c.subMchId)
      return { kind: 'unknown', reason: 'the answer names another sub-merchant' };
    return { kind: 'ok', params: p };
  };

  return {
    call: async (path: string, params: Record<string, string | undefined>, secure = false) =>
      interpret(await post(path, signed(params), secure)),
    /** downloadbill: the bill text on success, else the XML refusal interpreted. */
    bill: async (
      params: Record<string, string | undefined>,
    ): Promise<WechatReply | { kind: 'text'; text: string }> => {
      const raw = await post('/pay/downloadbill', signed(params), false);
      if (raw.kind === 'http' && raw.status === 200 && !raw.body.trimStart().startsWith('<xml>'))
        return { kind: 'text', text: raw.body };
      return interpret(raw);
    },
    close: () => {
      agent.destroy();
      certAgent.destroy();
    },
  };
}

export type WechatClient = ReturnType<typeof createWechatClient>;
