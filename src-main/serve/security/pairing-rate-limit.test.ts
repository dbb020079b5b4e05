import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPairingRegistry } from '../../station/pairing';
import { cashierWs, openWs, pairingCode, startTestStation } from '../test-support/security-harness';

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

// Issue 9, part 2: the limit was global, so five wrong codes from anyone locked every display out.
describe('pairing rate limit, per client', () => {
  let t: Awaited<ReturnType<typeof startTestStation>>;
  beforeEach(async () => {
    t = await startTestStation();
  });
  afterEach(() => t.stop());

  it('five wrong codes from one address do not block the right code from another', async () => {
    const cashier = await cashierWs(t.server);
    const code = await pairingCode(cashier);
    // The guesser connects from 127.0.0.2, the real tablet from 127.0.0.1: two clients.
    const guesser = openWs(t.server, { localAddress: '127.0.0.2' });
    await guesser.opened;
    for (let i = 0; i < 5; i++) {
      guesser.send({ type: 'pair', code: wrong(code), deviceName: 'Guesser' });
      expect(await guesser.next((f) => f.type === 'error')).toMatchObject({
        error: { code: 'not_paired' },
      });
    }
    // The guesser is now refused, even with the right code...
    guesser.send({ type: 'pair', code, deviceName: 'Guesser' });
    expect(await guesser.next((f) => f.type === 'error')).toMatchObject({
      error: { code: 'forbidden', message: expect.stringContaining('from this device') },
    });
    // ...and the tablet pairs.
    const tablet = openWs(t.server, { localAddress: '127.0.0.1' });
    await tablet.opened;
    tablet.send({ type: 'pair', code, deviceName: 'Tablet' });
    expect(await tablet.next((f) => f.type === 'paired')).toHaveProperty('token');
    await tablet.next((f) => f.type === 'welcome');
    for (const c of [cashier, guesser, tablet]) c.ws.close();
  });
});

describe('pairing rate limit, global ceiling', () => {
  it('many addresses together get 30 wrong codes a minute, then everyone waits', () => {
    let now = 0;
    const registry = createPairingRegistry(null, () => now);
    const { code } = registry.createCode();
    for (let i = 0; i < 30; i++)
      expect(registry.redeem(wrong(code), 'x', `10.0.0.${i}`)).toMatchObject({
        error: { code: 'not_paired' },
      });
    expect(registry.redeem(code, 'x', '10.0.1.1')).toMatchObject({
      error: { code: 'forbidden', message: expect.stringContaining('at this station') },
    });
    now += 61_000; // the window slides: guesses older than a minute no longer count
    expect(registry.redeem(code, 'x', '10.0.1.1').ok).toBe(true);
  });
});
