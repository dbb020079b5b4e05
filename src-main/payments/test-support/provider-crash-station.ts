/**
 * A station process for the provider crash runs: pays orders in a loop through a real provider
 * (against its simulator), printing each progress step, until the parent SIGKILLs it. In
 * `resume` mode it only resolves what the previous process left open.
 * Env: LEDGER_FILE, DATA_DIR, PROVIDERS (the providers config as JSON), PLATFORM, MODE, and
 * FACE_CODES (comma-separated codes the simulator's face device issued: every other payment
 * is a face payment).
 */
import type { Credential } from '../../contract/credential';
import { orderOf } from './harness';
import { providerStation } from './provider-station';

const env = (name: string) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is required`);
  return v;
};
const platform = env('PLATFORM') as 'wechat' | 'alipay';
const { service } = providerStation(
  env('LEDGER_FILE'),
  env('DATA_DIR'),
  JSON.parse(env('PROVIDERS')),
  { wechat: 'wechat', alipay: 'alipay' },
  (id, state) => process.stdout.write(`${state} ${id}\n`),
);
let seq = 0;
const faceCodes = (process.env.FACE_CODES ?? '').split(',').filter(Boolean);
const code = (): Credential => {
  const face = ++seq % 2 === 0 ? faceCodes.pop() : undefined;
  if (face) return { kind: 'face_code', platform, code: face };
  return {
    kind: 'payment_code',
    code: `${platform === 'wechat' ? '13' : '28'}${String(process.pid).padStart(8, '0')}${String(seq).padStart(8, '0')}`,
    platform,
  };
};

process.stdout.write('ready\n');
if (process.env.MODE === 'resume') {
  await service.resumeOpenAttempts();
  process.stdout.write('resumed\n');
} else {
  for (let i = 0; i < 20; i++) {
    const order = orderOf(1 + Math.floor(Math.random() * 20_000), `${process.pid}-${i}`);
    const out = await service.pay(order, code());
    // A failed order is tried once more with a new code: never charged twice.
    if (out.status !== 'paid') await service.pay(order, code());
  }
  process.stdout.write('done\n');
}
process.exit(0);
