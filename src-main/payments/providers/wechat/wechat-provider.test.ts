import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Credential } from '../../../contract/credential';
import { orderOf, tempDir } from '../../test-support/harness';
import { PROVIDER_FAST, providerStation, writeSecret } from '../../test-support/provider-station';
import type { SimFault } from '../../test-support/sim-faults';
import { reconcileProvider } from '../reconcile-provider';
import { selfSigned } from '../../test-support/test-tls';
import { startWechatSimulator, type WechatSimulator } from '../../test-support/wechat-simulator';

const tmp = tempDir('cs-wx-');
const KEY = 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6';
let sim: WechatSimulator;
let station: ReturnType<typeof providerStation>;
let config: Record<string, unknown>;
let seq = 0;
const code = (): Credential => ({
  kind: 'payment_code',
  code: `13${String(Date.now() % 1e9).padStart(9, '0')}${String(++seq).padStart(7, '0')}`,
  platform: 'wechat',
});
const rand = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));

beforeAll(async () => {
  const server = selfSigned(tmp.dir, 'server', '127.0.0.1');
  const client = selfSigned(tmp.dir, 'client', 'countersign-test-merchant');
  sim = await startWechatSimulator({
    appId: 'wx2421b1c4370ec43b',
    mchId: '10000100',
    key: KEY,
    tls: server,
    clientCa: client.cert,
  });
  config = {
    wechat: {
      url: sim.url,
      appId: 'wx2421b1c4370ec43b',
      mchId: '10000100',
      signType: 'HMAC-SHA256',
      keyFile: writeSecret(tmp.dir, 'wechat-api-key.txt', KEY),
      certFile: writeSecret(tmp.dir, 'apiclient_cert.pem', client.cert, 0o644),
      certKeyFile: writeSecret(tmp.dir, 'apiclient_key.pem', client.key),
      caFile: writeSecret(tmp.dir, 'sim-ca.pem', server.cert, 0o644),
      ...PROVIDER_FAST,
    },
  };
  station = providerStation(join(tmp.dir, 'ledger.sqlite'), tmp.dir, config);
  expect(station.problems).toEqual({});
});
afterAll(async () => {
  station.close();
  await sim.stop();
  tmp.cleanup();
});

describe('WeChat Pay v2 against its simulator over HTTPS', () => {
  it('a payment code pays; the request is signed, carries the lines in detail, the answer verifies', async () => {
    const order = {
      ...orderOf(1234),
      lines: [{ id: 'l1', name: '苹果', quantity: '2', unitPrice: 617, amount: 1234 }],
    };
    const out = await station.service.pay(order, code());
    expect(out.status).toBe('paid');
    const sent = sim.requests.find(
      (r) => r.path === '/pay/micropay' && r.params.out_trade_no === out.attemptId,
    )!;
    expect(sent.params.sign_type).toBe('HMAC-SHA256');
    expect(JSON.parse(sent.params.detail!).goods_detail).toEqual([
      { goods_id: 'l1', goods_name: '苹果', quantity: 2, price: 617 },
    ]);
    expect(sim.orders.get(out.attemptId!)?.state).toBe('SUCCESS');
  });

  it("a face code from WeChat's face device pays through micropay as its auth_code", async () => {
    const face: Credential = { kind: 'face_code', platform: 'wechat', code: sim.faceCode() };
    const out = await station.service.pay(orderOf(2345), face);
    expect(out).toMatchObject({ status: 'paid', platform: 'wechat' });
    const sent = sim.requests.find(
      (r) => r.path === '/pay/micropay' && r.params.out_trade_no === out.attemptId,
    )!;
    expect(sent.params).toMatchObject({ auth_code: face.code, total_fee: '2345' });
    expect(sim.orders.get(out.attemptId!)).toMatchObject({ state: 'SUCCESS', byFace: true });
    expect(station.ledger.getAttempt(out.attemptId!)).toMatchObject({
      method: 'face',
      credentialHint: `face code …${face.code.slice(-4)}`,
    });
    // Single use, as the face SDK's code is: the same code again is refused by WeChat.
    const again = await station.service.pay(orderOf(2345), face);
    expect(again.reason).toMatch(/^invalid_code: AUTH_CODE_INVALID/);
  });

  it('a face code micropay cannot take, or of another platform, never reaches WeChat', async () => {
    const before = sim.requests.length;
    const faceOld = await station.service.pay(orderOf(100), {
      kind: 'face_code',
      platform: 'wechat',
      // face_code_type 0 (the retired /pay/facepay's code): micropay refuses its shape.
      code: 'a1b2c3d4-e5f6-7a8b-9c0d-e1f2a3b4c5d6',
    });
    expect(faceOld.reason).toMatch(/invalid_face_code: A WeChat Pay face code is 18 digits/);
    const otherPlatform = await station.service.pay(orderOf(100), {
      kind: 'face_code',
      platform: 'alipay',
      code: 'fp0123456789abcdef',
    });
    // Alipay is not routed at this station: refused with a sentence, before any network call.
    expect(otherPlatform).toMatchObject({ status: 'failed' });
    expect(sim.requests.length).toBe(before);
  });

  it('definite failures end the attempt with the reason', async () => {
    for (const [err, reason] of [
      ['NOTENOUGH', 'insufficient_funds'],
      ['AUTHCODEEXPIRE', 'code_expired'],
      ['AUTH_CODE_INVALID', 'invalid_code'],
    ]) {
      const c = code();
      sim.failCode((c as { code: string }).code, err!);
      const out = await station.service.pay(orderOf(500), c);
      expect(out.status).toBe('failed');
      expect(out.reason).toMatch(new RegExp(`^${reason}: ${err}`));
    }
  });

  it('USERPAYING: queried until the password; past the deadline reversed (recall=Y honoured)', async () => {
    const c1 = code();
    sim.userPaying((c1 as { code: string }).code, 200, 'paid');
    expect((await station.service.pay(orderOf(800), c1)).status).toBe('paid');
    const c2 = code();
    sim.userPaying((c2 as { code: string }).code, 60_000, 'paid');
    sim.recall(2);
    const out = await station.service.pay(orderOf(900), c2);
    expect(out.status).toBe('reversed');
    expect(sim.orders.get(out.attemptId!)?.state).toBe('REVOKED');
  });

  it('an answer whose signature does not verify is no answer: the query decides', async () => {
    sim.faults.inject([{ route: 'micropay', kind: 'bad_sign' }]);
    const out = await station.service.pay(orderOf(700), code());
    expect(out.status).toBe('paid');
    const events = station.ledger.attemptEvents(out.attemptId!).map((e) => e.state);
    expect(events).toContain('querying');
  });

  it('refunds in parts, never beyond the payment; the bill reconciles with the ledger', async () => {
    const out = await station.service.pay(orderOf(1000), code());
    expect((await station.service.refund(out.attemptId!, 300, 'damaged')).ok).toBe(true);
    expect((await station.service.refund(out.attemptId!, 200, 'damaged')).ok).toBe(true);
    expect((await station.service.refund(out.attemptId!, 600, 'too much')).ok).toBe(false);
    expect(sim.orders.get(out.attemptId!)?.charged).toBe(500);
    const today = new Date().toLocaleDateString('sv');
    const r = await reconcileProvider(station.ledger, station.registry.get('wechat')!, today);
    expect(r.ok && r.value.unreadable).toEqual([]);
    expect(r.ok && r.value.balanced).toBe(true);
  });

  it('a refund whose answer is lost is sent again under the same out_refund_no: refunded once', async () => {
    const out = await station.service.pay(orderOf(1500), code());
    sim.faults.inject([
      { route: 'refund', kind: 'lost' },
      { route: 'refundquery', kind: 'error_5xx' },
    ]);
    expect((await station.service.refund(out.attemptId!, 400, 'damaged')).ok).toBe(true);
    const sent = sim.requests.filter(
      (r) => r.path === '/secapi/pay/refund' && r.params.out_trade_no === out.attemptId,
    );
    expect(sent.length).toBe(2);
    expect(new Set(sent.map((r) => r.params.out_refund_no)).size).toBe(1);
    expect(sim.orders.get(out.attemptId!)).toMatchObject({ charged: 1100 });
  });

  it('service-provider mode: sub_mch_id and sub_appid go with every request; an answer naming another merchant is no answer', async () => {
    const sp = providerStation(join(tmp.dir, 'sp.sqlite'), tmp.dir, {
      ...config,
      wechat: { ...(config.wechat as object), subMchId: '1900000109', subAppId: 'wx8888888' },
    });
    const out = await sp.service.pay(orderOf(555), code());
    expect(out.status).toBe('paid');
    const sent = sim.requests.filter((r) => r.params.out_trade_no === out.attemptId);
    expect(sent.map((r) => r.params.sub_mch_id)).toEqual(['1900000109']);
    expect(sent[0]!.params).toMatchObject({ mch_id: '10000100', sub_appid: 'wx8888888' });
    // A well-signed answer about another merchant: unknown, so the order is asked about.
    sim.faults.inject([{ route: 'micropay', kind: 'other_merchant' }]);
    const other = await sp.service.pay(orderOf(556), code());
    expect(other.status).toBe('paid');
    const events = sp.ledger.attemptEvents(other.attemptId!);
    expect(events.map((e) => e.state)).toContain('querying');
    expect(events.map((e) => e.reason).join(' ')).toMatch(/names another merchant/);
    sp.close();
  });

  it('a TLS failure leaves the attempt open; it is resolved by reversal, nothing charged', async () => {
    // The station trusts another certificate authority than the one the server uses.
    const stranger = selfSigned(tmp.dir, 'stranger', '127.0.0.1');
    const file = join(tmp.dir, 'tls.sqlite');
    const broken = providerStation(file, tmp.dir, {
      ...config,
      wechat: {
        ...(config.wechat as object),
        caFile: writeSecret(tmp.dir, 'stranger-ca.pem', stranger.cert, 0o644),
      },
    });
    const paying = broken.service.pay(orderOf(777), code()).catch(() => null);
    let id: string | undefined;
    await expect
      .poll(() => {
        id = broken.ledger.searchHistory({ limit: 5 })[0]?.id;
        return id ? broken.ledger.getAttempt(id)?.state : null;
      })
      .toBe('reversing');
    const reasons = broken.ledger.attemptEvents(id!).map((e) => e.reason ?? '');
    expect(reasons.join(' ')).toMatch(/certificate|CERT|self.signed/i);
    broken.close();
    await paying;
    const good = providerStation(file, tmp.dir, config);
    await good.service.resumeOpenAttempts();
    expect(good.ledger.getAttempt(id!)?.state).toBe('reversed');
    expect(sim.orders.get(id!)?.charged ?? 0).toBe(0);
    good.close();
  });

  it('a code without a working provider is refused before any network call', async () => {
    const before = sim.requests.length;
    const off = providerStation(join(tmp.dir, 'off.sqlite'), tmp.dir, {
      ...config,
      platforms: { wechat: false },
    });
    const out = await off.service.pay(orderOf(100), code());
    expect(out).toMatchObject({ status: 'failed', attemptId: null });
    expect(out.reason).toMatch(/does not take WeChat Pay: ask the customer to pay another way/);
    off.close();
    const exposed = writeSecret(tmp.dir, 'exposed-key.txt', KEY, 0o644);
    const bad = providerStation(join(tmp.dir, 'bad.sqlite'), tmp.dir, {
      ...config,
      wechat: { ...(config.wechat as object), keyFile: exposed },
    });
    expect(bad.problems.wechat).toMatch(/can be read by other users/);
    const refused = await bad.service.pay(orderOf(100), code());
    expect(refused.reason).toMatch(/WeChat Pay is not working at this station .*chmod 600/);
    bad.close();
    expect(sim.requests.length).toBe(before);
  });
});

describe('WeChat Pay credentials stay out of what the station records and shows', () => {
  it('no key material in any problem sentence or in any reason the ledger holds', () => {
    const wrong = 'SECRETsecretSECRETsecret1234567'; // 31 characters: not a v2 API key
    const bad = providerStation(join(tmp.dir, 'keyless.sqlite'), tmp.dir, {
      ...config,
      wechat: {
        ...(config.wechat as object),
        keyFile: writeSecret(tmp.dir, 'wrong-key.txt', wrong),
      },
    });
    expect(bad.problems.wechat).toMatch(/API key is not 32 letters and digits/);
    expect(bad.problems.wechat).not.toContain(wrong);
    bad.close();
    // Everything this file's payments, faults and refunds left in the ledger, as the windows see it.
    const said = station.ledger
      .searchHistory({ limit: 1000 })
      .flatMap((a) => [
        JSON.stringify(a),
        ...station.ledger.attemptEvents(a.id).map((e) => JSON.stringify(e)),
      ])
      .join('\n');
    expect(said.length).toBeGreaterThan(1000);
    expect(said).not.toContain(KEY);
    expect(said).not.toMatch(/PRIVATE KEY|BEGIN CERTIFICATE/);
  });
});

describe('WeChat Pay fault run: every payment final, charged at most once', () => {
  const kinds: Record<string, () => SimFault[]> = {
    'late answer': () => [
      { route: 'micropay', kind: 'delay', ms: rand(PROVIDER_FAST.timeoutMs + 20, 700) },
    ],
    'charged, answer lost': () => [{ route: 'micropay', kind: 'lost', ms: rand(0, 100) }],
    '5xx': () => [{ route: 'micropay', kind: 'error_5xx' }],
    'garbage then flaky queries': () => [
      { route: 'micropay', kind: 'garbage' },
      { route: 'orderquery', kind: 'error_5xx', count: rand(1, 3) },
    ],
    'forged answers everywhere': () => [
      { route: 'micropay', kind: 'bad_sign' },
      { route: 'orderquery', kind: 'bad_sign', count: rand(1, 30) },
      { route: 'reverse', kind: 'lost', count: 1 },
    ],
  };
  for (const [kind, faultsFor] of Object.entries(kinds)) {
    it(`${kind} (8 runs)`, async () => {
      const outcomes = await Promise.all(
        Array.from({ length: 8 }, async (_, i) => {
          await new Promise((r) => setTimeout(r, i * rand(5, 25)));
          sim.faults.inject(faultsFor());
          // Every fourth payment by a face code from the face device: the same guarantees.
          const c: Credential =
            i % 4 === 1 ? { kind: 'face_code', platform: 'wechat', code: sim.faceCode() } : code();
          if (i % 3 === 0) sim.userPaying((c as { code: string }).code, rand(0, 1200), 'paid');
          return station.service.pay(orderOf(rand(1, 50_000)), c);
        }),
      );
      sim.faults.clear();
      await new Promise((r) => setTimeout(r, 300));
      for (const out of outcomes) {
        const a = station.ledger.getAttempt(out.attemptId!)!;
        expect(a.state).toBe(out.status);
        const remote = sim.orders.get(a.id);
        const charged = remote?.charged ?? 0;
        expect(charged, `${a.id} ${a.state} remote ${remote?.state}`).toBe(
          a.state === 'paid' ? a.amount : 0,
        );
      }
    });
  }
});
