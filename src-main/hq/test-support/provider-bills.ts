import { zipSync } from 'fflate';
import { encodeGbk } from '../../payments/test-support/gbk';

// Provider statements written the way WeChat Pay (downloadbill) and Alipay (bill zip) write
// them, from what a test says the provider saw: the files HQ's admin uploads (tests only).

/** One line of what the provider recorded. */
export interface BillEntry {
  kind: 'payment' | 'reversed' | 'refund';
  /** Our attempt id (out_trade_no). */
  orderNo: string;
  /** Our refund id, for a refund. */
  refundNo?: string;
  amount: number;
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** A WeChat Pay downloadbill (bill_type ALL) text listing the entries. */
export function wechatBill(day: string, entries: BillEntry[]): string {
  const head =
    '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注';
  const rows = entries.map((e, i) => {
    const refund = e.kind === 'refund';
    const state = refund ? 'REFUND' : e.kind === 'reversed' ? 'REVOKED' : 'SUCCESS';
    return [
      `${day} 10:00:${String(i % 60).padStart(2, '0')}`,
      'wx2421b1c4370ec43b',
      '10000100',
      '',
      '',
      `42000${String(i).padStart(10, '0')}`,
      e.orderNo,
      'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
      'MICROPAY',
      state,
      'CMC',
      'CNY',
      yuan(refund ? 0 : e.amount),
      '0.00',
      refund ? `50${i}` : '0',
      e.refundNo ?? '0',
      refund ? yuan(e.amount) : '0.00',
      '0.00',
      refund ? 'ORIGINAL' : '',
      refund ? 'SUCCESS' : '',
      'Countersign order',
      '',
      '0.00',
      '0.60%',
      yuan(refund ? 0 : e.amount),
      refund ? yuan(e.amount) : '0.00',
      '',
    ]
      .map((c) => '`' + c)
      .join(',');
  });
  const sum = ['' + rows.length, '0.00', '0.00', '0.00', '0.00', '0.00', '0.00'];
  return (
    [
      head,
      ...rows,
      '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额',
      sum.map((c) => '`' + c).join(','),
    ].join('\r\n') + '\r\n'
  );
}

/** An Alipay bill zip (GBK CSV files) listing the entries. */
export function alipayBillZip(day: string, entries: BillEntry[]): Uint8Array {
  const rows = entries.flatMap((e, i) => {
    const row = (kind: string, amount: string, requestNo = '') =>
      [
        `2026${String(i).padStart(20, '0')}`,
        e.orderNo,
        kind,
        'Countersign order',
        `${day} 10:00:00`,
        `${day} 10:00:05`,
        '',
        '',
        '',
        '',
        'sim***@example.com',
        amount,
        amount,
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
      ]
        .map((c) => `${c}\t`)
        .join(',');
    if (e.kind === 'refund') return [row('退款', `-${yuan(e.amount)}`, e.refundNo)];
    // A reversed trade: the trade and its cancellation's refund without a request number.
    if (e.kind === 'reversed')
      return [row('交易', yuan(e.amount)), row('退款', `-${yuan(e.amount)}`)];
    return [row('交易', yuan(e.amount))];
  });
  const trades = rows.filter((r) => r.includes('交易\t')).length;
  const csv = [
    '#支付宝业务明细查询',
    '#账号：[20881234567890120156]',
    '#-----------------------------------------业务明细列表----------------------------------------',
    '支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注',
    ...rows,
    '#-----------------------------------------业务明细列表结束------------------------------------',
    `#交易合计：${trades}笔，退款合计：${rows.length - trades}笔`,
  ].join('\r\n');
  const d = day.replaceAll('-', '');
  return zipSync({
    [`20881234567890120156_${d}_业务明细.csv`]: encodeGbk(csv),
    [`20881234567890120156_${d}_业务明细(汇总).csv`]: encodeGbk('#支付宝业务汇总查询\r\n'),
  });
}
