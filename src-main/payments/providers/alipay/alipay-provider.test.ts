import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Credential } from '../../../contract/credential';
import { startAlipaySimulator, type AlipaySimulator } from '../../test-support/alipay-simulator';
import { orderOf, tempDir } from '../../test-support/harness';
import { PROVIDER_FAST, providerStation, writeSecret } from '../../test-support/provider-station';
import type { SimFault } from '../../test-support/sim-faults';
import { reconcileProvider } from '../reconcile-provider';

const tmp = tempDir('cs-ali-');
const pem = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
let sim: AlipaySimulator;
let station: ReturnType<typeof providerStation>;
let seq = 0;
const code = (): Credential => ({
  kind: 'payment_code',
  code: `28${String(Date.now() % 1e9).padStart(9, '0')}${String(++seq).padStart(7, '0')}`,
  platform: 'alipay',
});
const digits = (c: Credential) => (c as { code: string }).code;
const rand = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));

beforeAll(async () => {
  const app = pem();
  const alipay = pem();
  sim = await startAlipaySimulator({
    appId: '2014072300007148',
    appPublicKey: app.publicKey,
    alipayPrivateKey: alipay.privateKey,
  });
  // The portal shows the keys as bare base64: the station must take them that way too.
  const bare = (k: string) => k.replace(/-----[^-]+-----|\s/g, '');
  const config = {
    alipay: {
      url: sim.url,
      appId: '2014072300007148',
      privateKeyFile: writeSecret(tmp.dir, 'alipay-app-private-key.txt', bare(app.privateKey)),
      alipayPublicKeyFile: writeSecret(
        tmp.dir,
        'alipay-public-key.txt',
        bare(alipay.publicKey),
        0o644,
      ),
      storeId: 'S001',
      terminalId: 'T01',
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

describe('Alipay face-to-face payments against its simulator over HTTP', () => {
  it('a payment code pays (scene bar_code, lines in goods_detail, answer verified)', async () => {
    const order = {
      ...orderOf(1234),
      lines: [{ id: 'l1', name: '散装大米', quantity: '0.536', unitPrice: 2302, amount: 1234 }],
    };
    const out = await station.service.pay(order, code());
    expect(out.status).toBe('paid');
    const sent = sim.requests.find(
      (r) => r.method === 'alipay.trade.pay' && r.biz.out_trade_no === out.attemptId,
    )!;
    expect(sent.biz).toMatchObject({ scene: 'bar_code', total_amount: '12.34' });
    expect(sent.biz.goods_detail).toEqual([
      { goods_id: 'l1', goods_name: '散装大米', quantity: 1, price: '12.34' },
    ]);
    expect(sim.trades.get(out.attemptId!)?.status).toBe('TRADE_SUCCESS');
  });

  it('a smile-to-pay ftoken pays with scene security_code, store and terminal; once', async () => {
    const face: Credential = { kind: 'face_code', platform: 'alipay', code: sim.ftoken() };
    const out = await station.service.pay(orderOf(4321), face);
    expect(out).toMatchObject({ status: 'paid', platform: 'alipay' });
    const sent = sim.requests.find(
      (r) => r.method === 'alipay.trade.pay' && r.biz.out_trade_no === out.attemptId,
    )!;
    expect(sent.biz).toMatchObject({
      scene: 'security_code',
      auth_code: face.code,
      total_amount: '43.21',
      store_id: 'S001',
      terminal_id: 'T01',
    });
    expect(sim.trades.get(out.attemptId!)).toMatchObject({
      status: 'TRADE_SUCCESS',
      byFace: true,
    });
    expect(station.ledger.getAttempt(out.attemptId!)?.method).toBe('face');
    const again = await station.service.pay(orderOf(4321), face);
    expect(again.reason).toMatch(/^invalid_code: 40004 ACQ.PAYMENT_AUTH_CODE_INVALID/);
  });

  it('40004 business failures end the attempt with the reason', async () => {
    for (const [sub, reason] of [
      ['ACQ.BUYER_BALANCE_NOT_ENOUGH', 'insufficient_funds'],
      ['ACQ.PAYMENT_AUTH_CODE_INVALID', 'invalid_code'],
    ]) {
      const c = code();
      sim.failCode(digits(c), sub!);
      const out = await station.service.pay(orderOf(500), c);
      expect(out.status).toBe('failed');
      expect(out.reason).toMatch(new RegExp(`^${reason}: 40004 ${sub}`));
    }
  });

  it('10003: queried until paid; past the deadline cancelled (retry_flag=Y honoured)', async () => {
    const c1 = code();
    sim.userPaying(digits(c1), 200, 'paid');
    expect((await station.service.pay(orderOf(800), c1)).status).toBe('paid');
    const c2 = code();
    sim.userPaying(digits(c2), 60_000, 'paid');
    sim.retryCancels(2);
    const out = await station.service.pay(orderOf(900), c2);
    expect(out.status).toBe('reversed');
    expect(sim.trades.get(out.attemptId!)?.status).toBe('TRADE_CLOSED');
  });

  it('an answer whose signature does not verify is no answer: the query decides', async () => {
    sim.faults.inject([{ route: 'pay', kind: 'bad_sign' }]);
    const out = await station.service.pay(orderOf(700), code());
    expect(out.status).toBe('paid');
    expect(station.ledger.attemptEvents(out.attemptId!).map((e) => e.state)).toContain('querying');
  });

  it('refunds in parts; the bill zip (GBK CSV) reconciles with the ledger', async () => {
    const out = await station.service.pay(orderOf(1000), code());
    sim.faults.inject([{ route: 'refund', kind: 'lost' }]);
    expect((await station.service.refund(out.attemptId!, 300, 'damaged')).ok).toBe(true);
    expect((await station.service.refund(out.attemptId!, 200, 'damaged')).ok).toBe(true);
    expect((await station.service.refund(out.attemptId!, 600, 'too much')).ok).toBe(false);
    expect(sim.trades.get(out.attemptId!)?.charged).toBe(500);
    const r = await reconcileProvider(
      station.ledger,
      station.registry.get('alipay')!,
      new Date().toLocaleDateString('sv'),
    );
    expect(r.ok && r.value.unreadable).toEqual([]);
    expect(r.ok && r.value.matchedRefunds).toBe(2);
    expect(r.ok && r.value.balanced).toBe(true);
  });
});

describe('Alipay fault run: every payment final, charged at most once', () => {
  const kinds: Record<string, () => SimFault[]> = {
    'late answer': () => [
      { route: 'pay', kind: 'delay', ms: rand(PROVIDER_FAST.timeoutMs + 20, 700) },
    ],
    'charged, answer lost': () => [{ route: 'pay', kind: 'lost', ms: rand(0, 100) }],
    '5xx then garbage queries': () => [
      { route: 'pay', kind: 'error_5xx' },
      { route: 'query', kind: 'garbage', count: rand(1, 3) },
    ],
    'forged answers everywhere': () => [
      { route: 'pay', kind: 'bad_sign' },
      { route: 'query', kind: 'bad_sign', count: rand(1, 30) },
      { route: 'cancel', kind: 'lost' },
    ],
  };
  for (const [kind, faultsFor] of Object.entries(kinds)) {
    it(`${kind} (8 runs)`, async () => {
      const outcomes = await Promise.all(
        Array.from({ length: 8 }, async (_, i) => {
          await new Promise((r) => setTimeout(r, i * rand(5, 25)));
          sim.faults.inject(faultsFor());
          // Every fourth payment by a smile-to-pay ftoken: the same guarantees.
          const c: Credential =
            i % 4 === 1 ? { kind: 'face_code', platform: 'alipay', code: sim.ftoken() } : code();
          if (i % 3 === 0) sim.userPaying(digits(c), rand(0, 1200), 'paid');
          return station.service.pay(orderOf(rand(1, 50_000)), c);
        }),
      );
      sim.faults.clear();
      await new Promise((r) => setTimeout(r, 300));
      for (const out of outcomes) {
        const a = station.ledger.getAttempt(out.attemptId!)!;
        expect(a.state).toBe(out.status);
        const remote = sim.trades.get(a.id);
        expect(remote?.charged ?? 0, `${a.id} ${a.state} remote ${remote?.status}`).toBe(
          a.state === 'paid' ? a.amount : 0,
        );
      }
    });
  }
});
