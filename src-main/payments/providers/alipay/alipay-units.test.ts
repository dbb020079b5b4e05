import { createSign, createVerify, generateKeyPairSync } from 'node:crypto';
import { AlipaySdk } from 'alipay-sdk';
import { describe, expect, it } from 'vitest';
import { parseAlipayBillCsv } from './alipay-bill';
import { ALIPAY_TRADE_STATUS, PAY_SUB_CODES, payMeaning } from './alipay-codes';

const keys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

describe('alipay-sdk signs what the Alipay documentation says is signed', () => {
  it('RSA2 over the sorted k=v string of every parameter but sign (the trade.pay example)', () => {
    const sdk = new AlipaySdk({
      appId: '2014072300007148',
      privateKey: keys.privateKey,
      keyType: 'PKCS8',
      alipayPublicKey: keys.publicKey,
      camelcase: false,
    });
    const biz = {
      out_trade_no: '20150320010101001',
      scene: 'bar_code',
      auth_code: '28763443825664394',
      subject: 'Iphone6 16G',
      total_amount: '88.88',
    };
    const query = new URLSearchParams(
      sdk.sdkExecute('alipay.trade.pay', { bizContent: biz, timestamp: '2014-07-24 03:07:50' }),
    );
    // The string the documentation builds by hand for this request (自行实现签名).
    const doc = `app_id=2014072300007148&biz_content=${JSON.stringify(biz)}&charset=utf-8&method=alipay.trade.pay&sign_type=RSA2&timestamp=2014-07-24 03:07:50&version=1.0`;
    expect(
      createVerify('RSA-SHA256')
        .update(doc, 'utf8')
        .verify(keys.publicKey, query.get('sign')!, 'base64'),
    ).toBe(true);
  });
  it('verifies an answer by the exact JSON text of its xxx_response member', () => {
    const sdk = new AlipaySdk({
      appId: '2014072300007148',
      privateKey: keys.privateKey,
      alipayPublicKey: keys.publicKey,
    });
    const inner =
      '{"code":"10000","msg":"Success","out_trade_no":"6823789339978248","total_amount":"88.88"}';
    const sign = (t: string) => createSign('RSA-SHA256').update(t).sign(keys.privateKey, 'base64');
    const body = `{"alipay_trade_pay_response":${inner},"sign":"${sign(inner)}"}`;
    expect(() =>
      sdk.checkResponseSign(body, 'alipay_trade_pay_response', sign(inner), 't'),
    ).not.toThrow();
    expect(() =>
      sdk.checkResponseSign(
        body.replace('88.88', '88.89'),
        'alipay_trade_pay_response',
        sign(inner),
        't',
      ),
    ).toThrow();
  });
});

describe('Alipay codes: every documented code has a meaning', () => {
  it.each([
    ['10000', undefined, 'paid'],
    ['10003', undefined, 'user_paying'],
    ['20000', undefined, 'query'],
    ['40004', 'ACQ.SYSTEM_ERROR', 'query'],
    ['40004', 'ACQ.TRADE_HAS_SUCCESS', 'query'],
    ['40004', 'ACQ.BUYER_BALANCE_NOT_ENOUGH', 'failed'],
    ['40004', 'ACQ.PAYMENT_AUTH_CODE_INVALID', 'failed'],
    ['40004', 'ACQ.TRADE_HAS_CLOSE', 'failed'],
    ['40004', 'ACQ.INVALID_PARAMETER', 'refused'],
    ['40004', 'ACQ.SOMETHING_NEW', 'query'],
    ['40002', 'isv.invalid-signature', 'refused'],
    ['99999', undefined, 'query'],
  ])('%s %s → %s', (code, sub, kind) => expect(payMeaning(code, sub).kind).toBe(kind));
  it('failure reasons are ones the windows explain; trade states map', () => {
    for (const m of Object.values(PAY_SUB_CODES))
      if (m.kind === 'failed')
        expect(['insufficient_funds', 'invalid_code', 'over_limit', 'declined']).toContain(
          m.reason,
        );
    expect(ALIPAY_TRADE_STATUS).toEqual({
      WAIT_BUYER_PAY: 'user_paying',
      TRADE_SUCCESS: 'paid',
      TRADE_FINISHED: 'paid',
      TRADE_CLOSED: 'failed',
    });
  });
});

describe('Alipay bill CSV', () => {
  const head =
    '支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注';
  const row = (no: string, kind: string, amount: string, req = '') =>
    `2026112222001\t,${no}\t,${kind}\t,"大米, 5kg"\t,2026-11-22 10:00:00\t,2026-11-22 10:00:01\t,,,,,a***@b.com\t,${amount}\t,${amount}\t,0.00,0.00,0.00,0.00,0.00,,0.00,0.00,${req}\t,0.00,0.00,`;
  it('trades and refunds between comment lines; a cancellation refund marks the trade reversed', () => {
    const csv = [
      '#支付宝业务明细查询',
      head,
      row('P1', '交易', '12.34'),
      row('P1', '退款', '-2.00', 'R1'),
      row('P2', '交易', '5.00'),
      row('P2', '退款', '-5.00'),
      '#交易合计：2笔，退款合计：2笔',
    ].join('\r\n');
    const r = parseAlipayBillCsv(csv);
    expect(
      r.ok && r.value.map((l) => [l.type, l.merchantOrderNo, l.refundNo, l.amount, l.status]),
    ).toEqual([
      ['payment', 'P1', '', 1234, 'paid'],
      ['refund', 'P1', 'R1', 200, 'succeeded'],
      ['payment', 'P2', '', 500, 'reversed'],
    ]);
  });
  it('a footer that disagrees with the rows is refused', () => {
    expect(
      parseAlipayBillCsv(
        [head, row('P1', '交易', '1.00'), '#交易合计：3笔，退款合计：0笔'].join('\n'),
      ).ok,
    ).toBe(false);
  });
});
