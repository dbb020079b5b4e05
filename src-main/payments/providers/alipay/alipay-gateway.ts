import { AlipaySdk } from 'alipay-sdk';
import type { PaymentAnswer, RefundAnswer } from '../../../payment-api/api-schema';
import type { GatewayResult, PaymentGateway } from '../../gateway';
import { goodsOf, providerCode, type OrderInfoPort } from '../order-info';
import { fenToYuan, toStatementCsv, yuanToFen } from '../statement-csv';
import { parseAlipayBillZip } from './alipay-bill';
import { ALIPAY_TRADE_STATUS, payMeaning, REFUND_RETRY_SUB } from './alipay-codes';

/** The app's identity and keys, loaded from the files config names. */
export interface AlipayCredentials {
  appId: string;
  privateKey: string;
  alipayPublicKey: string;
  appAuthToken?: string;
}

export interface AlipayGatewayOptions {
  name?: string;
  url: string;
  timeoutMs: number;
  credentials: AlipayCredentials;
  orderInfo: OrderInfoPort;
  storeId?: string;
  terminalId?: string;
  timing: { queryIntervalMs: number; deadlineMs: number };
}

type Reply = { kind: 'ok'; r: Record<string, string> } | { kind: 'unknown'; reason: string };

/** Alipay face-to-face payments through the official SDK (RSA2 signing and verification). */
export function createAlipayGateway(
  opts: AlipayGatewayOptions,
): PaymentGateway & { timing: AlipayGatewayOptions['timing'] } {
  const c = opts.credentials;
  const sdk = new AlipaySdk({
    appId: c.appId,
    privateKey: c.privateKey,
    keyType: c.privateKey.includes('RSA PRIVATE KEY') ? 'PKCS1' : 'PKCS8',
    alipayPublicKey: c.alipayPublicKey,
    gateway: opts.url,
    timeout: opts.timeoutMs,
    signType: 'RSA2',
    camelcase: false,
  });

  /** One call; any exception (network, HTTP status, JSON, signature) means no usable answer. */
  const exec = async (method: string, biz: Record<string, unknown>): Promise<Reply> => {
    try {
      const r = await sdk.exec(
        method,
        { bizContent: biz, ...(c.appAuthToken ? { appAuthToken: c.appAuthToken } : {}) },
        // Without validateSign the SDK would believe any answer; a forged one is no answer.
        { validateSign: true },
      );
      return { kind: 'ok', r: r as unknown as Record<string, string> };
    } catch (error) {
      const e = error as Error;
      return { kind: 'unknown', reason: `Alipay: ${e.message.slice(0, 160)}` };
    }
  };
  const err = (r: Record<string, string>) =>
    `${r.code} ${r.sub_code ?? ''} ${r.sub_msg ?? r.msg ?? ''}`.trim();
  const answer = (
    no: string,
    status: PaymentAnswer['status'],
    r: Record<string, string>,
    reason: string | null = null,
  ): GatewayResult<PaymentAnswer> => ({
    kind: 'answer',
    value: {
      merchantOrderNo: no,
      status,
      amount: r.total_amount ? yuanToFen(r.total_amount) : null,
      currency: 'CNY',
      platform: 'alipay',
      paymentId: r.trade_no || null,
      reason,
      refunded: 0,
    },
  });

  const query = async (no: string): Promise<GatewayResult<PaymentAnswer | null>> => {
    const q = await exec('alipay.trade.query', { out_trade_no: no });
    if (q.kind === 'unknown') return q;
    const r = q.r;
    if (r.code === '40004' && r.sub_code === 'ACQ.TRADE_NOT_EXIST')
      return { kind: 'answer', value: null };
    if (r.code !== '10000' || r.out_trade_no !== no) return { kind: 'unknown', reason: err(r) };
    const status = ALIPAY_TRADE_STATUS[r.trade_status ?? ''];
    if (!status) return { kind: 'unknown', reason: `trade_status ${r.trade_status}` };
    return answer(no, status, r, status === 'failed' ? 'declined: TRADE_CLOSED' : null);
  };

  const refundQuery = async (
    no: string,
    requestNo: string,
    amount: number,
  ): Promise<GatewayResult<RefundAnswer>> => {
    const q = await exec('alipay.trade.fastpay.refund.query', {
      out_trade_no: no,
      out_request_no: requestNo,
    });
    if (q.kind === 'unknown') return q;
    if (q.r.code === '10000' && q.r.refund_status === 'REFUND_SUCCESS')
      return {
        kind: 'answer',
        value: {
          refundNo: requestNo,
          merchantOrderNo: no,
          status: 'succeeded',
          amount,
          refundedTotal: amount,
        },
      };
    return { kind: 'unknown', reason: `refund not done yet (${err(q.r)})` };
  };

  return {
    name: opts.name ?? 'alipay',
    timing: opts.timing,
    pay: async (req) => {
      const payable = providerCode(req, 'Alipay', 'alipay');
      if ('kind' in payable) return payable;
      const info = opts.orderInfo(req.merchantOrderNo);
      const goods = goodsOf(info?.lines ?? []);
      const p = await exec('alipay.trade.pay', {
        out_trade_no: req.merchantOrderNo,
        // A face payment sends the smile-to-pay ftoken as auth_code with scene security_code.
        scene: payable.face ? 'security_code' : 'bar_code',
        auth_code: payable.code,
        subject: (req.description ?? info?.description ?? 'Order').slice(0, 256),
        total_amount: fenToYuan(req.amount),
        store_id: opts.storeId,
        terminal_id: opts.terminalId,
        goods_detail: goods.length
          ? goods.map((g) => ({
              goods_id: g.id,
              goods_name: g.name,
              quantity: g.quantity,
              price: fenToYuan(g.price),
            }))
          : undefined,
      });
      if (p.kind === 'unknown') return p;
      const r = p.r;
      const m = payMeaning(r.code, r.sub_code);
      if (m.kind === 'paid') {
        if (
          r.out_trade_no !== req.merchantOrderNo ||
          yuanToFen(r.total_amount ?? '') !== req.amount
        )
          return { kind: 'unknown', reason: 'the answer does not match the order sent' };
        return answer(req.merchantOrderNo, 'paid', r);
      }
      if (m.kind === 'user_paying') return answer(req.merchantOrderNo, 'user_paying', r);
      if (m.kind === 'failed')
        return answer(req.merchantOrderNo, 'failed', r, `${m.reason}: ${err(r)}`);
      if (m.kind === 'refused')
        return {
          kind: 'refused',
          code: r.sub_code ?? r.code ?? 'refused',
          message: r.sub_msg ?? r.msg ?? '',
        };
      return { kind: 'unknown', reason: err(r) };
    },
    query,
    reverse: async (no) => {
      const p = await exec('alipay.trade.cancel', { out_trade_no: no });
      if (p.kind === 'unknown') return p;
      const r = p.r;
      // retry_flag Y: Alipay could not cancel yet and asks for the same call again.
      if (r.retry_flag === 'Y')
        return { kind: 'unknown', reason: `cancel again (retry_flag=Y) ${err(r)}` };
      if (r.code === '10000')
        return answer(no, 'reversed', r, r.action === 'refund' ? 'reversed' : 'reversed');
      if (r.code === '40004' && r.sub_code === 'ACQ.TRADE_NOT_EXIST')
        return answer(no, 'reversed', r, 'reversed_before_payment');
      // Not cancellable (e.g. already refunded): the trade's own state is the answer.
      const q = await query(no);
      if (q.kind === 'answer' && q.value && q.value.status !== 'user_paying')
        return { kind: 'answer', value: q.value };
      return { kind: 'unknown', reason: err(r) };
    },
    refund: async (req) => {
      const p = await exec('alipay.trade.refund', {
        out_trade_no: req.merchantOrderNo,
        out_request_no: req.refundNo,
        refund_amount: fenToYuan(req.amount),
        refund_reason: req.reason.slice(0, 256),
      });
      if (p.kind === 'ok' && p.r.code === '10000')
        return {
          kind: 'answer',
          value: {
            refundNo: req.refundNo,
            merchantOrderNo: req.merchantOrderNo,
            status: 'succeeded',
            amount: req.amount,
            refundedTotal: yuanToFen(p.r.refund_fee ?? '') ?? req.amount,
          },
        };
      if (p.kind === 'ok' && p.r.code !== '20000' && !REFUND_RETRY_SUB.has(p.r.sub_code ?? ''))
        return {
          kind: 'refused',
          code: p.r.sub_code ?? p.r.code ?? 'refused',
          message: p.r.sub_msg ?? p.r.msg ?? '',
        };
      // Unknown: the refund may have happened; the refund query tells, else it is sent again.
      return refundQuery(req.merchantOrderNo, req.refundNo, req.amount);
    },
    statement: async (date) => {
      const p = await exec('alipay.data.dataservice.bill.downloadurl.query', {
        bill_type: 'trade',
        bill_date: date,
      });
      if (p.kind === 'unknown') return p;
      if (p.r.code === '40004' && p.r.sub_code === 'isp.bill_not_exist')
        return { kind: 'answer', value: toStatementCsv([]) };
      if (p.r.code !== '10000' || !p.r.bill_download_url)
        return {
          kind: 'refused',
          code: p.r.sub_code ?? p.r.code ?? 'refused',
          message: p.r.sub_msg ?? '',
        };
      try {
        const res = await fetch(p.r.bill_download_url, {
          signal: AbortSignal.timeout(opts.timeoutMs * 3),
        });
        if (!res.ok) return { kind: 'unknown', reason: `bill download HTTP ${res.status}` };
        const bill = parseAlipayBillZip(new Uint8Array(await res.arrayBuffer()));
        return bill.ok
          ? { kind: 'answer', value: toStatementCsv(bill.value) }
          : { kind: 'unknown', reason: `Alipay bill: ${bill.error}` };
      } catch (error) {
        return { kind: 'unknown', reason: `bill download: ${(error as Error).message}` };
      }
    },
  };
}
