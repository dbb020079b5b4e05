import { createSign, createVerify, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { zipSync } from 'fflate';
import { encodeGbk } from './gbk';
import { answerWithFault, bodyOf, createFaultQueue } from './sim-faults';

/** One trade as the simulated Alipay holds it. */
export interface SimTrade {
  total: number;
  status: 'WAIT_BUYER_PAY' | 'TRADE_SUCCESS' | 'TRADE_CLOSED';
  tradeNo: string;
  /** Money taken from the buyer and not given back. */
  charged: number;
  paidAt: number;
  refunds: { requestNo: string; amount: number; at: number }[];
  /** When a cancellation gave a paid trade's money back. */
  cancelRefundAt?: number;
  /** Paid by face: an ftoken from the simulated smile-to-pay device, scene security_code. */
  byFace?: boolean;
}

const fen = (yuan: string) => Math.round(Number(yuan) * 100);
const yuan = (f: number) => (f / 100).toFixed(2);
const local = (ms: number) =>
  new Date(ms - new Date(ms).getTimezoneOffset() * 60_000)
    .toISOString()
    .slice(0, 19)
    .replace('T', ' ');

/**
 * Alipay's open-platform gateway as its documentation describes it, over HTTP on loopback:
 * form-encoded requests whose RSA2 signature is checked with the app's public key, JSON answers
 * signed with Alipay's key, the face-to-face payment codes (10000/10003/20000/40004), 10003 that
 * resolves, cancel with retry_flag/action, refunds and their query, and the bill download (a
 * zip of GBK CSV files). Faults are injected per method (the part after "alipay.trade.").
 */
export async function startAlipaySimulator(o: {
  appId: string;
  appPublicKey: string;
  alipayPrivateKey: string;
  now?: () => number;
}) {
  const now = o.now ?? Date.now;
  const trades = new Map<string, SimTrade>();
  const codeErrors = new Map<string, string>();
  const ftokens = new Set<string>();
  const waits = new Map<string, { ms: number; outcome: 'paid' | 'cancelled' }>();
  const requests: { method: string; biz: Record<string, unknown> }[] = [];
  const faults = createFaultQueue();
  let retryCancels = 0;

  const signed = (method: string, body: Record<string, unknown>) => {
    const inner = JSON.stringify(body);
    const sign = createSign('RSA-SHA256').update(inner, 'utf8').sign(o.alipayPrivateKey, 'base64');
    return {
      type: 'application/json;charset=utf-8',
      body: `{"${method.replaceAll('.', '_')}_response":${inner},"sign":"${sign}"}`,
    };
  };
  const ok = (extra: Record<string, unknown> = {}) => ({ code: '10000', msg: 'Success', ...extra });
  const biz40004 = (sub: string, extra: Record<string, unknown> = {}) => ({
    code: '40004',
    msg: 'Business Failed',
    sub_code: sub,
    sub_msg: `simulated ${sub}`,
    ...extra,
  });
  const tradeFields = (no: string, t: SimTrade) => ({
    out_trade_no: no,
    trade_no: t.tradeNo,
    total_amount: yuan(t.total),
    buyer_logon_id: 'sim***@example.com',
  });

  const methods: Record<string, (b: Record<string, string>) => Record<string, unknown>> = {
    'alipay.trade.pay': (b) => {
      const no = b.out_trade_no!;
      const t = trades.get(no);
      if (t?.status === 'TRADE_CLOSED') return biz40004('ACQ.TRADE_HAS_CLOSE');
      if (t) return biz40004('ACQ.TRADE_HAS_SUCCESS');
      const err = codeErrors.get(b.auth_code!);
      if (err) return biz40004(err);
      // An ftoken pays only with scene security_code, once; a payment code never does.
      const byFace = b.scene === 'security_code';
      if (byFace !== ftokens.has(b.auth_code!) || !['bar_code', 'security_code'].includes(b.scene!))
        return biz40004('ACQ.PAYMENT_AUTH_CODE_INVALID');
      ftokens.delete(b.auth_code!);
      const n: SimTrade = {
        byFace,
        total: fen(b.total_amount!),
        status: 'TRADE_SUCCESS',
        tradeNo: `2026${randomBytes(10).toString('hex')}`,
        charged: fen(b.total_amount!),
        paidAt: now(),
        refunds: [],
      };
      trades.set(no, n);
      const wait = waits.get(b.auth_code!);
      if (wait) {
        Object.assign(n, { status: 'WAIT_BUYER_PAY', charged: 0 });
        setTimeout(() => {
          if (n.status !== 'WAIT_BUYER_PAY') return;
          Object.assign(
            n,
            wait.outcome === 'paid'
              ? { status: 'TRADE_SUCCESS', charged: n.total, paidAt: now() }
              : { status: 'TRADE_CLOSED' },
          );
        }, wait.ms);
        return { code: '10003', msg: ' order success pay inprocess', ...tradeFields(no, n) };
      }
      return ok(tradeFields(no, n));
    },
    'alipay.trade.query': (b) => {
      const t = trades.get(b.out_trade_no!);
      return t
        ? ok({ ...tradeFields(b.out_trade_no!, t), trade_status: t.status })
        : biz40004('ACQ.TRADE_NOT_EXIST');
    },
    'alipay.trade.cancel': (b) => {
      if (retryCancels > 0) {
        retryCancels--;
        return biz40004('ACQ.SYSTEM_ERROR', { retry_flag: 'Y' });
      }
      const no = b.out_trade_no!;
      const t = trades.get(no);
      if (!t) {
        // Cancelled before the payment arrived: the late pay request finds the trade closed.
        trades.set(no, {
          total: 0,
          status: 'TRADE_CLOSED',
          tradeNo: '',
          charged: 0,
          paidAt: now(),
          refunds: [],
        });
        return ok({ out_trade_no: no, retry_flag: 'N', action: '' });
      }
      if (t.refunds.length) return biz40004('ACQ.TRADE_STATUS_ERROR', { retry_flag: 'N' });
      const action = t.status === 'TRADE_SUCCESS' ? 'refund' : 'close';
      if (action === 'refund') t.cancelRefundAt = now();
      Object.assign(t, { status: 'TRADE_CLOSED', charged: 0 });
      return ok({ out_trade_no: no, trade_no: t.tradeNo, retry_flag: 'N', action });
    },
    'alipay.trade.refund': (b) => {
      const t = trades.get(b.out_trade_no!);
      if (!t || t.status !== 'TRADE_SUCCESS') return biz40004('ACQ.TRADE_STATUS_ERROR');
      const amount = fen(b.refund_amount!);
      const same = t.refunds.find((r) => r.requestNo === b.out_request_no);
      if (same && same.amount !== amount) return biz40004('ACQ.REFUND_AMT_NOT_EQUAL_TOTAL');
      if (!same) {
        if (amount + t.refunds.reduce((s, r) => s + r.amount, 0) > t.total)
          return biz40004('ACQ.REFUND_AMT_NOT_EQUAL_TOTAL');
        t.refunds.push({ requestNo: b.out_request_no!, amount, at: now() });
        t.charged -= amount;
      }
      return ok({
        ...tradeFields(b.out_trade_no!, t),
        fund_change: same ? 'N' : 'Y',
        refund_fee: yuan(t.refunds.reduce((s, r) => s + r.amount, 0)),
      });
    },
    'alipay.trade.fastpay.refund.query': (b) => {
      const r = trades.get(b.out_trade_no!)?.refunds.find((x) => x.requestNo === b.out_request_no);
      return r
        ? ok({
            out_trade_no: b.out_trade_no,
            out_request_no: r.requestNo,
            refund_amount: yuan(r.amount),
            refund_status: 'REFUND_SUCCESS',
          })
        : ok({ out_trade_no: b.out_trade_no });
    },
    'alipay.data.dataservice.bill.downloadurl.query': (b) =>
      billCsv(b.bill_date!)
        ? ok({
            bill_download_url: `${url}/bill/${b.bill_date}.zip?token=${randomBytes(4).toString('hex')}`,
          })
        : biz40004('isp.bill_not_exist'),
  };

  /** The day's 业务明细 CSV, or null when nothing happened that day. */
  const billCsv = (date: string): string | null => {
    const rows: string[][] = [];
    const row = (
      no: string,
      t: SimTrade,
      kind: string,
      at: number,
      amount: number,
      requestNo = '',
    ) => [
      t.tradeNo,
      no,
      kind,
      '  Countersign order\t',
      local(t.paidAt),
      local(at),
      '',
      '',
      '',
      '',
      'sim***@example.com',
      `${kind === '退款' ? '-' : ''}${yuan(amount)}`,
      yuan(amount),
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '',
      '0.00',
      '0.00',
      requestNo,
      '0.00',
      '0.00',
      '',
    ];
    for (const [no, t] of trades) {
      if (
        t.tradeNo &&
        local(t.paidAt).startsWith(date) &&
        (t.status === 'TRADE_SUCCESS' || t.cancelRefundAt)
      )
        rows.push(row(no, t, '交易', t.paidAt, t.total));
      if (t.cancelRefundAt && local(t.cancelRefundAt).startsWith(date))
        rows.push(row(no, t, '退款', t.cancelRefundAt, t.total));
      for (const r of t.refunds)
        if (local(r.at).startsWith(date))
          rows.push(row(no, t, '退款', r.at, r.amount, r.requestNo));
    }
    if (!rows.length) return null;
    const trades_ = rows.filter((r) => r[2] === '交易').length;
    return [
      '#支付宝业务明细查询',
      `#账号：[20881234567890120156]`,
      `#起始日期：[${date} 00:00:00]   终止日期：[${date} 23:59:59]`,
      '#-----------------------------------------业务明细列表----------------------------------------',
      '支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注',
      ...rows.map((r) => r.map((c) => `${c}\t`).join(',')),
      '#-----------------------------------------业务明细列表结束------------------------------------',
      `#交易合计：${trades_}笔，退款合计：${rows.length - trades_}笔`,
      `#导出时间：[${local(now())}]`,
    ].join('\r\n');
  };

  const server = createServer(async (req, res) => {
    // The host's clock, as `countersign provider check` reads it.
    res.setHeader('date', new Date(now()).toUTCString());
    const u = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'GET' && u.pathname.startsWith('/bill/')) {
      const date = u.pathname.slice(6, 16);
      const csv = billCsv(date) ?? '';
      const d = date.replaceAll('-', '');
      const zip = zipSync({
        [`20881234567890120156_${d}_业务明细.csv`]: encodeGbk(csv),
        [`20881234567890120156_${d}_业务明细(汇总).csv`]: encodeGbk('#支付宝业务汇总查询\r\n'),
      });
      return res.writeHead(200, { 'content-type': 'application/zip' }).end(Buffer.from(zip));
    }
    const params: Record<string, string> = Object.fromEntries(u.searchParams);
    for (const [k, v] of new URLSearchParams(await bodyOf(req))) params[k] = v;
    const method = params.method ?? '';
    const signString = Object.keys(params)
      .filter((k) => k !== 'sign')
      .sort()
      .map((k) => `${k}=${params[k]}`)
      .join('&');
    const good =
      params.sign &&
      createVerify('RSA-SHA256')
        .update(signString, 'utf8')
        .verify(o.appPublicKey, params.sign, 'base64');
    if (params.app_id !== o.appId || !good) {
      const refusal = {
        code: '40002',
        msg: 'Invalid Arguments',
        sub_code: 'isv.invalid-signature',
        sub_msg: '验签出错',
      };
      return res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(signed(method, refusal).body);
    }
    const run = methods[method];
    if (!run)
      return res
        .writeHead(200)
        .end(
          signed(method, { code: '40004', msg: 'Business Failed', sub_code: 'isv.invalid-method' })
            .body,
        );
    const b = JSON.parse(params.biz_content ?? '{}') as Record<string, string>;
    requests.push({ method, biz: b });
    await answerWithFault(
      res,
      faults.take(method.replace(/^alipay\.(trade\.)?/, '')),
      () => signed(method, run(b)),
      // A different first character, always: writing a fixed "A" left one signature in 64
      // unchanged, and that answer verified (a CI run took it for paid without a query).
      (body) => body.replace(/"sign":"(.)/, (_, c: string) => `"sign":"${c === 'A' ? 'B' : 'A'}`),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${url}/gateway.do`,
    trades,
    faults,
    requests,
    /** The next pay with this code fails with 40004 and this sub_code. */
    failCode: (code: string, subCode: string) => void codeErrors.set(code, subCode),
    /** The next pay with this code answers 10003 and resolves after ms. */
    userPaying: (code: string, ms: number, outcome: 'paid' | 'cancelled') =>
      void waits.set(code, { ms, outcome }),
    /** The smile-to-pay device: the ftoken it gives once a face is verified (single use). */
    ftoken: () => {
      const t = `fp${randomBytes(16).toString('hex')}`;
      ftokens.add(t);
      return t;
    },
    /** The next n cancels answer retry_flag=Y. */
    retryCancels: (n: number) => void (retryCancels = n),
    stop: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
export type AlipaySimulator = Awaited<ReturnType<typeof startAlipaySimulator>>;
