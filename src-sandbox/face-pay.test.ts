import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { FACE_DESCRIPTOR_LENGTH } from '../src-main/contract/face-credential';
import { signRequest } from '../src-main/payment-api/signing';
import { admin, newAccount, tempDir } from '../src-main/payments/test-support/harness';
import { sandboxIn } from './test-support/sandbox-harness';
import { describeFaceImage } from './face-descriptor';
import { SANDBOX_DEFAULTS } from './sandbox-db';
import type { Sandbox } from './server';

const require = createRequire(import.meta.url);
const sheet = join(
  dirname(require.resolve('@vladmandic/human')),
  '..',
  'assets',
  'screenshot-facematch.jpg',
);
/** Three crops of the package's face sheet: A twice (two photos of one man), B another man. */
const crop = (left: number, top: number) =>
  sharp(sheet).extract({ left, top, width: 98, height: 98 }).png().toBuffer();

let sandbox: Sandbox;
const tmp = tempDir('cs-face-');
const faces: Record<'a1' | 'a2' | 'b', number[]> = { a1: [], a2: [], b: [] };
let a1Image = '';
beforeAll(async () => {
  sandbox = await sandboxIn(tmp.dir);
  const [a1, a2, b] = await Promise.all([crop(110, 290), crop(323, 290), crop(2, 398)]);
  a1Image = `data:image/png;base64,${a1.toString('base64')}`;
  for (const [name, png] of [
    ['a1', a1],
    ['a2', a2],
    ['b', b],
  ] as const) {
    const d = await describeFaceImage(png);
    if (!d.ok) throw new Error(`${name}: ${d.message}`);
    faces[name] = d.descriptor;
  }
}, 30_000);
afterAll(async () => {
  await sandbox.stop();
  tmp.cleanup();
});

function pay(credential: object) {
  const body = JSON.stringify({
    merchantOrderNo: `F${Math.random().toString(36).slice(2, 12)}`,
    amount: 1_000,
    currency: 'CNY',
    credential,
  });
  const M = { merchantId: SANDBOX_DEFAULTS.merchantId, key: SANDBOX_DEFAULTS.key };
  return fetch(`${sandbox.url}/v1/payments`, {
    method: 'POST',
    headers: {
      ...signRequest({ ...M, method: 'POST', path: '/v1/payments', body }),
      'content-type': 'application/json',
    },
    body,
  }).then(async (r) => ({
    status: r.status,
    json: (await r.json()) as { status: string; reason: string | null },
  }));
}

const balance = async (id: string) =>
  ((await admin(sandbox, 'GET', `/admin/accounts/${id}`)) as { balance: number }).balance;

describe('sandbox face payment', () => {
  it('enrols from an image and pays 1:N by another photo of the same face; refuses another', async () => {
    const acct = await newAccount(sandbox, 'wechat', 50_000);
    await admin(sandbox, 'POST', '/admin/faces', {
      accountId: acct,
      phone: '13800001111',
      image: a1Image,
    });
    const paid = await pay({ kind: 'face', descriptor: faces.a2 });
    expect(paid.json).toMatchObject({ status: 'paid' });
    expect(await balance(acct)).toBe(49_000);
    expect((await pay({ kind: 'face', descriptor: faces.b })).json).toMatchObject({
      status: 'failed',
      reason: 'face_not_recognised',
    });
  });

  it('asks for the phone digits when two accounts are close, and pays the one they name', async () => {
    const twin1 = await newAccount(sandbox, 'wechat', 50_000);
    const twin2 = await newAccount(sandbox, 'wechat', 50_000);
    // Two accounts enrolled with the very same face: the face alone cannot choose.
    await admin(sandbox, 'POST', '/admin/faces', {
      accountId: twin1,
      phone: '13900002222',
      descriptor: faces.b,
    });
    await admin(sandbox, 'POST', '/admin/faces', {
      accountId: twin2,
      phone: '13900003333',
      descriptor: faces.b,
    });
    expect((await pay({ kind: 'face', descriptor: faces.b })).json.reason).toBe(
      'face_confirm_phone',
    );
    expect((await pay({ kind: 'face', descriptor: faces.b, phoneLast4: '9999' })).json.reason).toBe(
      'face_not_recognised',
    );
    expect((await pay({ kind: 'face', descriptor: faces.b, phoneLast4: '3333' })).json.status).toBe(
      'paid',
    );
    expect(await balance(twin2)).toBe(49_000);
    expect(await balance(twin1)).toBe(50_000);
  });

  it('refuses a descriptor that is not exactly 1024 finite numbers', async () => {
    const short = faces.a2.slice(0, FACE_DESCRIPTOR_LENGTH - 1);
    expect((await pay({ kind: 'face', descriptor: short })).status).toBe(400);
    expect((await pay({ kind: 'face', descriptor: [...short, 1e6] })).status).toBe(400);
    expect((await pay({ kind: 'face', descriptor: faces.a2, image: a1Image })).status).toBe(400);
  });

  it('enrols on the enrolment page with the wallet password and a photo', async () => {
    const acct = await newAccount(sandbox, 'wechat', 50_000);
    const form = (password: string) => {
      const f = new FormData();
      f.set('account', acct);
      f.set('password', password);
      f.set('phone', '13700004444');
      f.set(
        'photo',
        new Blob([Buffer.from(a1Image.split(',')[1]!, 'base64')], { type: 'image/png' }),
        'me.png',
      );
      return fetch(`${sandbox.url}/faces/enrol`, { method: 'POST', body: f });
    };
    expect(
      (await fetch(`${sandbox.url}/faces/enrol`)).headers.get('content-security-policy'),
    ).toMatch(/default-src 'none'/);
    expect((await form('wrong!')).status).toBe(403);
    const ok = await form('123456');
    expect(await ok.text()).toContain(`Face enrolled for ${acct}`);
    // The same face is now enrolled twice (first test's account too): the phone settles it.
    expect(
      (await pay({ kind: 'face', descriptor: faces.a2, phoneLast4: '4444' })).json.status,
    ).toBe('paid');
    expect(await balance(acct)).toBe(49_000);
  });
});
