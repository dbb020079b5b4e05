import { describe, expect, it } from 'vitest';
import { parseWechatBill } from './wechat-bill';
import { MICROPAY_CODES, micropayMeaning, TRADE_STATES } from './wechat-codes';
import { signingString, wechatSign, wechatVerify } from './wechat-sign';
import { parseWechatXml, toWechatXml } from './wechat-xml';

// The example of WeChat Pay's security rules page (接口规则 → 安全规范 → 签名算法).
const DOC = {
  appid: 'wxd930ea5d5a258f4f',
  mch_id: '10000100',
  device_info: '1000',
  body: 'test',
  nonce_str: 'ibuaiVcKdpRxkhJA',
};
const DOC_KEY = '192006250b4c09247ec02edce69f6a2d';

describe('WeChat Pay v2 signatures: the documentation example', () => {
  it('stringA sorts the names and skips empty values and sign', () => {
    expect(signingString({ ...DOC, sign: 'X', attach: '' })).toBe(
      'appid=wxd930ea5d5a258f4f&body=test&device_info=1000&mch_id=10000100&nonce_str=ibuaiVcKdpRxkhJA',
    );
  });
  it('MD5 and HMAC-SHA256 give the documented values', () => {
    expect(wechatSign(DOC, DOC_KEY, 'MD5')).toBe('9A0A8659F005D6984697E2CA0A9CF3B7');
    expect(wechatSign(DOC, DOC_KEY, 'HMAC-SHA256')).toBe(
      '6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6',
    );
  });
  it('verification: the answer sign_type decides; a changed field or key fails', () => {
    expect(
      wechatVerify({ ...DOC, sign: '9A0A8659F005D6984697E2CA0A9CF3B7' }, DOC_KEY, 'HMAC-SHA256'),
    ).toBe(false);
    expect(wechatVerify({ ...DOC, sign: '9A0A8659F005D6984697E2CA0A9CF3B7' }, DOC_KEY, 'MD5')).toBe(
      true,
    );
    expect(
      wechatVerify(
        { ...DOC, body: 'tesT', sign: '9A0A8659F005D6984697E2CA0A9CF3B7' },
        DOC_KEY,
        'MD5',
      ),
    ).toBe(false);
    expect(
      wechatVerify({ ...DOC, sign: '9A0A8659F005D6984697E2CA0A9CF3B7' }, `${DOC_KEY}x`, 'MD5'),
    ).toBe(false);
    expect(wechatVerify({ ...DOC }, DOC_KEY, 'MD5')).toBe(false);
  });
});

describe('WeChat XML', () => {
  it('round-trips CDATA and entities; refuses nesting and unknown entities', () => {
    const xml = toWechatXml({ a: '1', b: '<x> & ]]> y', c: undefined });
    expect(parseWechatXml(xml)).toEqual({ ok: true, value: { a: '1', b: '<x> & ]]> y' } });
    expect(parseWechatXml('<xml><a>1 &amp; 2</a></xml>')).toEqual({
      ok: true,
      value: { a: '1 & 2' },
    });
    expect(parseWechatXml('<xml><a><b>1</b></a></xml>').ok).toBe(false);
    expect(parseWechatXml('<!DOCTYPE x [<!ENTITY e "z">]><xml><a>&e;</a></xml>').ok).toBe(false);
    expect(parseWechatXml('{"json":true}').ok).toBe(false);
  });
});

describe('WeChat result codes: every documented code has a meaning', () => {
  it.each([
    ['USERPAYING', 'user_paying'],
    ['SYSTEMERROR', 'query'],
    ['BANKERROR', 'query'],
    ['ORDERPAID', 'query'],
    ['AUTHCODEEXPIRE', 'failed'],
    ['NOTENOUGH', 'failed'],
    ['AUTH_CODE_INVALID', 'failed'],
    ['AUTH_CODE_ERROR', 'failed'],
    ['NOTSUPORTCARD', 'failed'],
    ['ORDERCLOSED', 'failed'],
    ['BUYER_MISMATCH', 'failed'],
    ['TRADE_ERROR', 'failed'],
    ['ORDERREVERSED', 'reversed'],
    ['SIGNERROR', 'refused'],
    ['PARAM_ERROR', 'refused'],
    ['APPID_MCHID_NOT_MATCH', 'refused'],
    ['SOMETHING_NEW', 'query'],
    [undefined, 'query'],
  ])('%s → %s', (code, kind) => expect(micropayMeaning(code).kind).toBe(kind));
  it('failure reasons are ones the windows explain', () => {
    const reasons = Object.values(MICROPAY_CODES).flatMap((m) =>
      m.kind === 'failed' ? [m.reason] : [],
    );
    for (const r of reasons)
      expect(['insufficient_funds', 'code_expired', 'invalid_code', 'declined']).toContain(r);
    expect(TRADE_STATES).toMatchObject({
      SUCCESS: 'paid',
      REFUND: 'paid',
      USERPAYING: 'user_paying',
      CLOSED: 'failed',
      REVOKED: 'reversed',
      PAYERROR: 'failed',
    });
  });
});

describe('WeChat bill', () => {
  const head =
    '交易时间,公众账号ID,商户号,子商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,总金额,代金券或立减优惠金额,微信退款单号,商户退款单号,退款金额,代金券或立减优惠退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率';
  const row = (state: string, refundNo: string, refund: string) =>
    [
      '2014-11-10 16:33:45',
      'wx2421b1c4370ec43b',
      '10000100',
      '0',
      '1000',
      '1001690740201411100005734289',
      '1415640626',
      '085e9858e3ba5186aafcbaed1',
      'MICROPAY',
      state,
      'CFT',
      'CNY',
      '0.01',
      '0.0',
      refundNo ? '2001' : '0',
      refundNo || '0',
      refund,
      '0',
      '',
      '',
      '被扫支付测试,含逗号',
      '订单额外描述',
      '0',
      '0.60%',
    ]
      .map((c) => '`' + c)
      .join(',');
  it('reads rows by header name (older column names too), refunds and the summary', () => {
    const text = [
      head,
      row('SUCCESS', '', '0'),
      row('REFUND', 'R1', '0.01'),
      '总交易单数,总交易额,总退款金额,总代金券或立减优惠退款金额,手续费总金额',
      '`2,`0.01,`0.01,`0,`0',
    ].join('\r\n');
    const r = parseWechatBill(text);
    expect(
      r.ok && r.value.map((l) => [l.type, l.merchantOrderNo, l.refundNo, l.amount, l.status]),
    ).toEqual([
      ['payment', '1415640626', '', 1, 'paid'],
      ['refund', '1415640626', 'R1', 1, 'succeeded'],
    ]);
  });
  it('a bill whose summary does not match its rows is refused', () => {
    expect(
      parseWechatBill([head, row('SUCCESS', '', '0'), '总交易单数,总交易额', '`2,`0.02'].join('\n'))
        .ok,
    ).toBe(false);
    expect(parseWechatBill([head, row('SUCCESS', '', '0')].join('\n')).ok).toBe(false);
  });
});
