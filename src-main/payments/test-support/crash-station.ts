/**
 * A station process for the crash suite: pays orders in a loop against the sandbox, printing
 * each progress step, until the parent SIGKILLs it. In `resume` mode it only resolves what the
 * previous process left open (and may be killed during that too).
 * Env: SANDBOX_URL, ADMIN_TOKEN, LEDGER_FILE, ACCOUNT, MODE (pay|resume), METHOD (code|proxy|qr,
 * default code; proxy needs PROXY_ID, a proxy ID paid from ACCOUNT).
 */
import type { Credential } from '../../contract/credential';
import type { FaultInput } from '../../../src-sandbox/faults';
import { codeFor, FAST, orderOf, admin, stationFor } from './harness';

const env = (name: string) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is required`);
  return v;
};
const sandbox = { url: env('SANDBOX_URL'), adminToken: env('ADMIN_TOKEN') };
const method = process.env.METHOD ?? 'code';
const { service } = stationFor(sandbox.url, env('LEDGER_FILE'), FAST, (id, state, detail) => {
  process.stdout.write(`${state} ${id}\n`);
  // The person on the phone answers after a while (or the station dies first).
  if (detail?.action && process.env.MODE !== 'resume')
    setTimeout(() => void personAnswers(detail.action!.url), rand(300));
});

const form = (url: string, fields: Record<string, string>) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  }).catch(() => undefined);

/** Confirms the proxy request with the code off its picture, or pays the QR from ACCOUNT. */
async function personAnswers(qrUrl: string | null) {
  const account = env('ACCOUNT');
  if (qrUrl) return void (await form(qrUrl, { wallet: account, password: '123456' }));
  const html = await (await fetch(`${sandbox.url}/proxy/${account}`)).text();
  const payment = /name="payment" value="([^"]+)"/.exec(html)?.[1];
  const svg = /alt="verification picture" src="data:image\/svg\+xml;base64,([^"]+)"/.exec(html);
  const code = /Code (\d{6})/.exec(Buffer.from(svg?.[1] ?? '', 'base64').toString())?.[1];
  if (payment && code) await form(`${sandbox.url}/proxy/${account}/answer`, { payment, code });
}

const credential = async (): Promise<Credential> =>
  method === 'proxy'
    ? { kind: 'proxy', proxyId: env('PROXY_ID') }
    : method === 'qr'
      ? { kind: 'merchant_qr' }
      : codeFor(sandbox, env('ACCOUNT'));
const rand = (n: number) => Math.floor(Math.random() * n);
const faults: (FaultInput[] | null)[] = [
  null,
  null,
  [{ kind: 'lost_response', ms: rand(100) }],
  [{ kind: 'delay', ms: 100 + rand(400) }],
  [{ kind: 'error_5xx', phase: Math.random() < 0.5 ? 'before' : 'after' }],
  [{ kind: 'connection_reset', phase: Math.random() < 0.5 ? 'before' : 'after' }],
  [{ kind: 'user_paying', outcome: Math.random() < 0.7 ? 'paid' : 'cancelled', ms: rand(600) }],
];

if (process.env.MODE === 'resume') {
  process.stdout.write('ready\n');
  await service.resumeOpenAttempts();
  process.stdout.write('resumed\n');
} else {
  process.stdout.write('ready\n');
  for (let i = 0; i < 20; i++) {
    const order = orderOf(1 + rand(20_000), `${process.pid}-${i}`);
    const fault = faults[rand(faults.length)];
    if (fault) await admin(sandbox, 'POST', '/admin/faults', { faults: fault });
    // Pay; a failed order is retried once with a new code (same order: never charged twice).
    const out = await service.pay(order, await credential());
    if (out.status !== 'paid') await service.pay(order, await credential());
  }
  process.stdout.write('done\n');
}
process.exit(0);
