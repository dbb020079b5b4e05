import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run } from './provider-command';

const io = () => {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  return { io: { stdout, stderr: new PassThrough(), stdin: new PassThrough() }, out: () => out };
};
const DOC =
  '{"appid":"wxd930ea5d5a258f4f","mch_id":"10000100","device_info":1000,"body":"test","nonce_str":"ibuaiVcKdpRxkhJA"}';

describe('countersign provider sign', () => {
  it('prints the documented signatures for support staff to compare', async () => {
    for (const [type, want] of [
      ['MD5', '9A0A8659F005D6984697E2CA0A9CF3B7'],
      ['HMAC-SHA256', '6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6'],
    ]) {
      const t = io();
      const code = await run(
        [
          'sign',
          '--provider',
          'wechat',
          '--key',
          '192006250b4c09247ec02edce69f6a2d',
          '--params',
          DOC,
          '--sign-type',
          type!,
        ],
        t.io,
      );
      expect(code).toBe(0);
      expect(t.out().trim()).toBe(want);
    }
  });
  it('refuses what it cannot sign', async () => {
    await expect(
      run(['sign', '--provider', 'wechat', '--key', 'k', '--params', '[1'], io().io),
    ).rejects.toThrow(/not JSON/);
    await expect(
      run(['sign', '--provider', 'alipay', '--key', 'k', '--params', '{}'], io().io),
    ).rejects.toThrow(/--provider wechat/);
  });
});
