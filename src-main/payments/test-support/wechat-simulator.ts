import { randomBytes } from 'node:crypto';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { wechatSign, wechatVerify, type WechatSignType } from '../providers/wechat/wechat-sign';
import { parseWechatXml, toWechatXml } from '../providers/wechat/wechat-xml';
import { answerWithFault, bodyOf, createFaultQueue, sleep } from './sim-faults';

/** One order as the simulated WeChat Pay holds it. */
export interface SimOrder {
  totalFee: number;
  state: 'SUCCESS' | 'USERPAYING' | 'PAYERROR' | 'REVOKED' | 'CLOSED';
  transactionId: string;
  /** Money taken from the buyer and not given back (refunds and reversals subtract). */
  charged: number;
  paidAt: number;
  refunds: { outRefundNo: string; fee: number; at: number }[];
  /** Paid with a face code from the simulated face device (getWxpayfaceCode). */
  byFace?: boolean;
}

export interface WechatSimOptions {
  appId: string;
  mchId: string;
  key: string;
  tls: { cert: string; key: string };
  /** The client certificate /secapi/ requests must present. */
  clientCa: string;
  /** An answer to give on micropay for a given auth_code (err_code), e.g. NOTENOUGH. */
  now?: () => number;
}

const day = (ms: number) => {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return {
    ymd: `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}`,
    text: `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`,
  };
};
const yuan = (fen: number) => (fen / 100).toFixed(2);

/**
 * WeChat Pay merchant API v2 as its documentation describes it, over HTTPS on loopback:
 * XML requests whose signature (MD5 or HMAC-SHA256) is checked, signed XML answers, the
 * payment-code result codes, USERPAYING that resolves, reverse (client certificate, recall),
 * refunds and their query, and downloadbill. Faults are injected per route.
 */
export async function startWechatSimulator(o: WechatSimOptions) {
  const now = o.now ?? Date.now;
  const orders = new Map<string, SimOrder>();
  const usedCodes = new Set<string>();
  const faceCodes = new Set<string>();
  const codeErrors = new Map<string, string>();
  const userPaying = new Map<string, { ms: number; outcome: 'paid' | 'cancelled' }>();
  const faults = createFaultQueue();
  let recalls = 0;
  const requests: { path: string; params: Record<string, string> }[] = [];

  /** The request being answered: service-provider fields come back as they were sent. */
  let asking: { sub_mch_id?: string; sub_appid?: string; otherMerchant: boolean } = {
    otherMerchant: false,
  };
  const reply = (fields: Record<string, string | undefined>, signType: WechatSignType) => {
    const all = {
      return_code: 'SUCCESS',
      return_msg: 'OK',
      appid: o.appId,
      mch_id: asking.otherMerchant ? '19999999' : o.mchId,
      sub_mch_id: asking.sub_mch_id,
      sub_appid: asking.sub_appid,
      nonce_str: randomBytes(8).toString('hex'),
      ...fields,
    };
    return {
      type: 'text/xml',
      body: toWechatXml({ ...all, sign: wechatSign(all, o.key, signType) }),
    };
  };
  const fail = (
    code: string,
    des: string,
    signType: WechatSignType,
    extra: Record<string, string> = {},
  ) => reply({ result_code: 'FAIL', err_code: code, err_code_des: des, ...extra }, signType);
  const orderFields = (no: string, x: SimOrder) => ({
    out_trade_no: no,
    total_fee: String(x.totalFee),
    fee_type: 'CNY',
    transaction_id: x.transactionId,
    time_end: day(x.paidAt).ymd,
  });

  const routes: Record<
    string,
    (p: Record<string, string>, t: WechatSignType) => { type: string; body: string }
  > = {
    '/pay/micropay': (p, t) => {
      const no = p.out_trade_no!;
      const existing = orders.get(no);
      if (existing?.state === 'REVOKED') return fail('ORDERREVERSED', '订单已撤销', t);
      if (existing) return fail('ORDERPAID', '订单已支付', t);
      // micropay's field rule: a payment code or a face code (face_code_type 1), 18 digits.
      if (!/^1[0-6]\d{16}$/.test(p.auth_code ?? ''))
        return fail('PARAM_ERROR', 'auth_code 字符串必须匹配正则表达式 ^1[0-6][0-9]{16}$', t);
      if (usedCodes.has(p.auth_code!)) return fail('AUTH_CODE_INVALID', '付款码已使用', t);
      usedCodes.add(p.auth_code!);
      const err = codeErrors.get(p.auth_code!);
      if (err) return fail(err, `simulated ${err}`, t);
      const x: SimOrder = {
        totalFee: Number(p.total_fee),
        state: 'SUCCESS',
        transactionId: `42000${randomBytes(8).toString('hex')}`,
        charged: Number(p.total_fee),
        paidAt: now(),
        refunds: [],
        byFace: faceCodes.delete(p.auth_code!),
      };
      orders.set(no, x);
      const wait = userPaying.get(p.auth_code!);
      if (wait) {
        Object.assign(x, { state: 'USERPAYING', charged: 0 });
        setTimeout(() => {
          if (x.state !== 'USERPAYING') return;
          if (wait.outcome === 'paid')
            Object.assign(x, { state: 'SUCCESS', charged: x.totalFee, paidAt: now() });
          else x.state = 'PAYERROR';
        }, wait.ms);
        return fail('USERPAYING', '需要用户输入支付密码', t);
      }
      return reply(
        { result_code: 'SUCCESS', openid: 'oSim', trade_type: 'MICROPAY', ...orderFields(no, x) },
        t,
      );
    },
    '/pay/orderquery': (p, t) => {
      const x = orders.get(p.out_trade_no!);
      if (!x) return fail('ORDERNOTEXIST', '此交易订单号不存在', t);
      const state = x.state === 'SUCCESS' && x.refunds.length ? 'REFUND' : x.state;
      return reply(
        {
          result_code: 'SUCCESS',
          trade_state: state,
          trade_state_desc: state,
          ...orderFields(p.out_trade_no!, x),
        },
        t,
      );
    },
    '/secapi/pay/reverse': (p, t) => {
      if (recalls > 0) {
        recalls--;
        return fail('SYSTEMERROR', '请重试', t, { recall: 'Y' });
      }
      const x = orders.get(p.out_trade_no!);
      // A reversal before the payment arrived leaves a tombstone: the late micropay is refused.
      if (!x)
        orders.set(p.out_trade_no!, {
          totalFee: 0,
          state: 'REVOKED',
          transactionId: '',
          charged: 0,
          paidAt: now(),
          refunds: [],
        });
      else if (x.refunds.length)
        return fail('REVERSE_EXPIRE', '订单有退款，不能撤销', t, { recall: 'N' });
      else Object.assign(x, { state: 'REVOKED', charged: 0 });
      return reply({ result_code: 'SUCCESS', recall: 'N' }, t);
    },
    '/secapi/pay/refund': (p, t) => {
      const x = orders.get(p.out_trade_no!);
      if (!x || x.state !== 'SUCCESS') return fail('ORDERNOTEXIST', '订单不存在或未支付', t);
      if (Number(p.total_fee) !== x.totalFee) return fail('PARAM_ERROR', '订单金额不一致', t);
      const same = x.refunds.find((r) => r.outRefundNo === p.out_refund_no);
      if (same && same.fee !== Number(p.refund_fee)) return fail('PARAM_ERROR', '退款单号重复', t);
      if (!same) {
        const fee = Number(p.refund_fee);
        if (fee + x.refunds.reduce((n, r) => n + r.fee, 0) > x.totalFee)
          return fail('ERROR', '退款金额超过订单可退金额', t);
        x.refunds.push({ outRefundNo: p.out_refund_no!, fee, at: now() });
        x.charged -= fee;
      }
      return reply(
        {
          result_code: 'SUCCESS',
          out_trade_no: p.out_trade_no,
          out_refund_no: p.out_refund_no,
          refund_fee: p.refund_fee,
          total_fee: String(x.totalFee),
        },
        t,
      );
    },
    '/pay/refundquery': (p, t) => {
      const x = orders.get(p.out_trade_no!);
      if (!x || !x.refunds.length) return fail('REFUNDNOTEXIST', '退款订单查询失败', t);
      const each = Object.fromEntries(
        x.refunds.flatMap((r, n) => [
          [`out_refund_no_${n}`, r.outRefundNo],
          [`refund_fee_${n}`, String(r.fee)],
          [`refund_status_${n}`, 'SUCCESS'],
        ]),
      );
      return reply(
        {
          result_code: 'SUCCESS',
          out_trade_no: p.out_trade_no,
          refund_count: String(x.refunds.length),
          refund_fee: String(x.refunds.reduce((s, r) => s + r.fee, 0)),
          ...each,
        },
        t,
      );
    },
  };

  /** The ALL bill for a day (yyyymmdd), in WeChat's backtick text format. */
  const bill = (ymd: string): string | null => {
    const head =
      '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注';
    const rows: string[][] = [];
    const row = (
      at: number,
      no: string,
      x: SimOrder,
      state: string,
      refund?: { outRefundNo: string; fee: number },
    ) => [
      day(at).text,
      o.appId,
      o.mchId,
      '0',
      '',
      x.transactionId,
      no,
      'oSim',
      'MICROPAY',
      state,
      'OTHERS',
      'CNY',
      yuan(x.totalFee),
      '0.00',
      refund ? `50${x.transactionId}` : '0',
      refund?.outRefundNo ?? '0',
      refund ? yuan(refund.fee) : '0.00',
      '0.00',
      refund ? 'ORIGINAL' : '',
      refund ? 'SUCCESS' : '',
      'Countersign, order',
      '',
      '0.00',
      '0.60%',
      yuan(x.totalFee),
      refund ? yuan(refund.fee) : '0.00',
      '',
    ];
    for (const [no, x] of orders) {
      if (
        x.transactionId &&
        day(x.paidAt).ymd === ymd &&
        (x.state === 'SUCCESS' || (x.state === 'REVOKED' && x.totalFee > 0))
      )
        rows.push(row(x.paidAt, no, x, x.state === 'SUCCESS' ? 'SUCCESS' : 'REVOKED'));
      for (const r of x.refunds)
        if (day(r.at).ymd === ymd) rows.push(row(r.at, no, x, 'REFUND', r));
    }
    if (!rows.length) return null;
    const total = rows.filter((r) => r[9] === 'SUCCESS').reduce((s, r) => s + Number(r[12]), 0);
    return (
      [
        head,
        ...rows.map((r) => r.map((c) => '`' + c).join(',')),
        '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额',
        ['' + rows.length, total.toFixed(2), '0.00', '0.00', '0.00', total.toFixed(2), '0.00']
          .map((c) => '`' + c)
          .join(','),
      ].join('\r\n') + '\r\n'
    );
  };

  const server = createServer(
    { ...o.tls, requestCert: true, rejectUnauthorized: false, ca: o.clientCa },
    async (req, res) => {
      // The host's clock, as `countersign provider check` reads it.
      res.setHeader('date', new Date(now()).toUTCString());
      const path = req.url ?? '';
      const text = await bodyOf(req);
      const xml = parseWechatXml(text);
      const p = xml.ok ? xml.value : {};
      const t: WechatSignType = p.sign_type === 'HMAC-SHA256' ? 'HMAC-SHA256' : 'MD5';
      const plain = (msg: string) =>
        res
          .writeHead(200, { 'content-type': 'text/xml' })
          .end(toWechatXml({ return_code: 'FAIL', return_msg: msg }));
      if (!xml.ok) return plain('XML格式错误');
      if (p.mch_id !== o.mchId || p.appid !== o.appId) return plain('mch_id参数格式错误');
      if (!wechatVerify(p, o.key, t)) return plain('签名错误');
      if (path.startsWith('/secapi/') && !(req.socket as TLSSocket).authorized)
        return plain('证书错误');
      if (path === '/pay/downloadbill') {
        const b = bill(p.bill_date ?? '');
        return b
          ? res.writeHead(200, { 'content-type': 'text/plain' }).end(b)
          : plain('No Bill Exist');
      }
      requests.push({ path, params: p });
      const route = routes[path];
      if (!route) return res.writeHead(404).end();
      const fault = faults.take(path.split('/').pop()!);
      await answerWithFault(
        res,
        fault,
        () => {
          asking = {
            sub_mch_id: p.sub_mch_id,
            sub_appid: p.sub_appid,
            otherMerchant: fault?.kind === 'other_merchant',
          };
          return route(p, t);
        },
        // A different first character, always: writing a fixed one left one signature in 16
        // unchanged, and that answer verified.
        (b) =>
          b.replace(
            /<sign><!\[CDATA\[(.)/,
            (_, c: string) => `<sign><![CDATA[${c === '0' ? '1' : '0'}`,
          ),
      );
    },
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    orders,
    faults,
    /** Every signed request that reached a route, in order. */
    requests,
    /** The next micropay with this code fails with err_code. */
    failCode: (code: string, errCode: string) => void codeErrors.set(code, errCode),
    /** The next micropay with this code waits for the password, then resolves. */
    userPaying: (code: string, ms: number, outcome: 'paid' | 'cancelled') =>
      void userPaying.set(code, { ms, outcome }),
    /**
     * The face device: what `getWxpayfaceCode` with face_code_type 1 gives after a face is
     * recognised, an 18-digit single-use code micropay takes as its auth_code.
     */
    faceCode: () => {
      const c = `13${String(randomBytes(8).readBigUInt64BE() % 10n ** 16n).padStart(16, '0')}`;
      faceCodes.add(c);
      return c;
    },
    /** The next n reversals answer recall=Y. */
    recall: (n: number) => void (recalls = n),
    stop: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await sleep(0);
    },
  };
}
export type WechatSimulator = Awaited<ReturnType<typeof startWechatSimulator>>;
