import type { PaymentAnswer, RefundAnswer } from '../../../payment-api/api-schema';
import type { GatewayResult, PaymentGateway } from '../../gateway';
import { goodsOf, providerCode, type OrderInfoPort } from '../order-info';
import { toStatementCsv } from '../statement-csv';
import { parseWechatBill } from './wechat-bill';
import type { WechatClient, WechatReply } from './wechat-client';
import { micropayMeaning, REFUND_RETRY, TRADE_STATES } from './wechat-codes';

export interface WechatGatewayOptions {
  name?: string;
  client: WechatClient;
  orderInfo: OrderInfoPort;
  deviceInfo?: string;
  terminalIp: string;
  timing: { queryIntervalMs: number; deadlineMs: number };
}

const answer = (
  no: string,
  status: PaymentAnswer['status'],
  p: Record<string, string>,
  reason: string | null = null,
): GatewayResult<PaymentAnswer> => ({
  kind: 'answer',
  value: {
    merchantOrderNo: no,
    status,
    amount: p.total_fee ? Number(p.total_fee) : null,
    currency: p.fee_type ?? 'CNY',
    platform: 'wechat',
    paymentId: p.transaction_id || null,
    reason,
    refunded: 0,
  },
});
const unknownOf = (
  r: Exclude<WechatReply, { kind: 'ok' }>,
): { kind: 'unknown'; reason: string } => ({
  kind: 'unknown',
  reason: r.kind === 'fail' ? `WeChat: ${r.message}` : r.reason,
});
/** micropay's auth_code: a payment code or a face code, 18 digits starting 10–16. */
const WECHAT_AUTH_CODE = /^1[0-6]\d{16}$/;

const errText = (p: Record<string, string>) =>
  `${p.err_code ?? 'FAIL'} ${p.err_code_des ?? ''}`.trim();

/** WeChat Pay merchant API v2, payment-code payments, behind the orchestrator's gateway. */
export function createWechatGateway(
  opts: WechatGatewayOptions,
): PaymentGateway & { timing: WechatGatewayOptions['timing'] } {
  const { client } = opts;

  const query = async (no: string): Promise<GatewayResult<PaymentAnswer | null>> => {
    const r = await client.call('/pay/orderquery', { out_trade_no: no });
    if (r.kind !== 'ok') return unknownOf(r);
    const p = r.params;
    if (p.result_code !== 'SUCCESS')
      return p.err_code === 'ORDERNOTEXIST'
        ? { kind: 'answer', value: null }
        : { kind: 'unknown', reason: errText(p) };
    if (p.out_trade_no !== no)
      return { kind: 'unknown', reason: 'the answer is about another order' };
    const status = TRADE_STATES[p.trade_state ?? ''];
    if (!status) return { kind: 'unknown', reason: `trade_state ${p.trade_state}` };
    return answer(
      no,
      status,
      p,
      status === 'failed' ? `declined: ${p.trade_state} ${p.trade_state_desc ?? ''}`.trim() : null,
    );
  };

  return {
    name: opts.name ?? 'wechat',
    timing: opts.timing,
    pay: async (req) => {
      const payable = providerCode(req, 'WeChat Pay', 'wechat');
      if ('kind' in payable) return payable;
      // The face SDK's code (face_code_type 1) is an auth_code like a payment code's: micropay
      // refuses any other shape, so one is refused here before the network.
      if (payable.face && !WECHAT_AUTH_CODE.test(payable.code))
        return {
          kind: 'refused',
          code: 'invalid_face_code',
          message: 'A WeChat Pay face code is 18 digits (face_code_type 1)',
        };
      const info = opts.orderInfo(req.merchantOrderNo);
      const goods = goodsOf(info?.lines ?? []);
      const r = await client.call('/pay/micropay', {
        body: (req.description ?? info?.description ?? 'Order').slice(0, 128),
        detail: goods.length
          ? JSON.stringify({
              cost_price: req.amount,
              goods_detail: goods.map((g) => ({
                goods_id: g.id,
                goods_name: g.name,
                quantity: g.quantity,
                price: g.price,
              })),
            })
          : undefined,
        out_trade_no: req.merchantOrderNo,
        total_fee: String(req.amount),
        fee_type: 'CNY',
        device_info: opts.deviceInfo,
        spbill_create_ip: opts.terminalIp,
        auth_code: payable.code,
      });
      if (r.kind === 'unknown') return r;
      if (r.kind === 'fail') return { kind: 'refused', code: 'wechat_fail', message: r.message };
      const p = r.params;
      if (p.result_code === 'SUCCESS') {
        if (p.out_trade_no !== req.merchantOrderNo || Number(p.total_fee) !== req.amount)
          return { kind: 'unknown', reason: 'the answer does not match the order sent' };
        return answer(req.merchantOrderNo, 'paid', p);
      }
      const m = micropayMeaning(p.err_code);
      if (m.kind === 'user_paying') return answer(req.merchantOrderNo, 'user_paying', p);
      if (m.kind === 'failed')
        return answer(req.merchantOrderNo, 'failed', p, `${m.reason}: ${errText(p)}`);
      if (m.kind === 'reversed') return answer(req.merchantOrderNo, 'reversed', p, 'reversed');
      if (m.kind === 'refused')
        return { kind: 'refused', code: p.err_code ?? 'FAIL', message: p.err_code_des ?? '' };
      return { kind: 'unknown', reason: errText(p) };
    },
    query,
    reverse: async (no) => {
      const r = await client.call('/secapi/pay/reverse', { out_trade_no: no }, true);
      if (r.kind !== 'ok') return unknownOf(r);
      const p = r.params;
      // recall=Y: WeChat could not finish the reversal yet and asks for the same call again.
      if (p.recall === 'Y')
        return { kind: 'unknown', reason: `reverse again (recall=Y) ${errText(p)}` };
      if (p.result_code === 'SUCCESS') return answer(no, 'reversed', p, 'reversed');
      if (p.err_code === 'ORDERNOTEXIST')
        return answer(no, 'reversed', p, 'reversed_before_payment');
      // Not reversible (e.g. REVERSE_EXPIRE): the order's own state is the answer.
      const q = await query(no);
      if (q.kind === 'answer' && q.value && q.value.status !== 'user_paying')
        return { kind: 'answer', value: q.value };
      return { kind: 'unknown', reason: errText(p) };
    },
    refund: async (req) => {
      const refunded = async (): Promise<GatewayResult<number>> => {
        const q = await client.call('/pay/refundquery', { out_trade_no: req.merchantOrderNo });
        if (q.kind !== 'ok') return unknownOf(q);
        const p = q.params;
        if (p.result_code !== 'SUCCESS') return { kind: 'unknown', reason: errText(p) };
        let mine: string | undefined;
        let total = 0;
        for (let n = 0; n < Number(p.refund_count ?? 0); n++) {
          if (p[`refund_status_${n}`] === 'SUCCESS') total += Number(p[`refund_fee_${n}`] ?? 0);
          if (p[`out_refund_no_${n}`] === req.refundNo) mine = p[`refund_status_${n}`];
        }
        if (mine === 'SUCCESS') return { kind: 'answer', value: total };
        if (mine === 'REFUNDCLOSE' || mine === 'CHANGE')
          return {
            kind: 'refused',
            code: mine,
            message: 'WeChat closed the refund; ask the merchant portal',
          };
        return { kind: 'unknown', reason: `refund ${mine ?? 'not seen yet'}` };
      };
      const done = async (): Promise<GatewayResult<RefundAnswer>> => {
        const t = await refunded();
        return t.kind === 'answer'
          ? {
              kind: 'answer',
              value: {
                refundNo: req.refundNo,
                merchantOrderNo: req.merchantOrderNo,
                status: 'succeeded',
                amount: req.amount,
                refundedTotal: t.value,
              },
            }
          : t;
      };
      const info = opts.orderInfo(req.merchantOrderNo);
      if (!info)
        return {
          kind: 'refused',
          code: 'unknown_order',
          message: `no order behind ${req.merchantOrderNo}`,
        };
      const r = await client.call(
        '/secapi/pay/refund',
        {
          out_trade_no: req.merchantOrderNo,
          out_refund_no: req.refundNo,
          total_fee: String(info.amount),
          refund_fee: String(req.amount),
          refund_desc: req.reason.slice(0, 80),
        },
        true,
      );
      if (r.kind === 'fail') return { kind: 'refused', code: 'wechat_fail', message: r.message };
      if (r.kind === 'ok' && r.params.result_code !== 'SUCCESS') {
        const p = r.params;
        if (!REFUND_RETRY.has(p.err_code ?? ''))
          return { kind: 'refused', code: p.err_code ?? 'FAIL', message: p.err_code_des ?? '' };
      }
      // Accepted, or no usable answer: refunds settle asynchronously, so ask refundquery.
      return done();
    },
    statement: async (date) => {
      const r = await client.bill({ bill_date: date.replaceAll('-', ''), bill_type: 'ALL' });
      if (r.kind === 'text') {
        const bill = parseWechatBill(r.text);
        return bill.ok
          ? { kind: 'answer', value: toStatementCsv(bill.value) }
          : { kind: 'unknown', reason: `WeChat bill: ${bill.error}` };
      }
      // A day without transactions has no bill: an empty statement, not an error.
      if (r.kind === 'fail' && /no bill exist/i.test(r.message))
        return { kind: 'answer', value: toStatementCsv([]) };
      if (r.kind === 'fail') return { kind: 'refused', code: 'wechat_fail', message: r.message };
      if (r.kind === 'ok')
        return {
          kind: 'refused',
          code: r.params.err_code ?? 'FAIL',
          message: r.params.err_code_des ?? '',
        };
      return r;
    },
  };
}
