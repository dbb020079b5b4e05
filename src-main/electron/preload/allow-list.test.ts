import { describe, expect, it } from 'vitest';
import { commandsFor } from '../../contract/commands';
import { createPreloadApi, type PreloadPorts } from './allow-list';

function ports() {
  const sent: [string, unknown][] = [];
  let push: ((name: string, payload: unknown) => void) | null = null;
  const p: PreloadPorts = {
    invoke: async (command, input) => {
      sent.push([command, input]);
      return { ok: true, value: command };
    },
    subscribe: (listener) => {
      push = listener;
      return () => {
        push = null;
      };
    },
  };
  return { p, sent, push: (name: string, payload: unknown) => push?.(name, payload) };
}

describe('createPreloadApi', () => {
  it.each<['cashier' | 'customer', string, boolean]>([
    ['cashier', 'order.submit', true],
    ['cashier', 'checkout.send', true],
    ['cashier', 'pairing.create', true],
    ['cashier', 'station.info', true],
    ['cashier', 'checkout.confirm', false],
    ['cashier', 'checkout.dispute', false],
    ['customer', 'checkout.confirm', true],
    ['customer', 'checkout.chooseMethod', true],
    ['customer', 'checkout.get', true],
    ['customer', 'order.submit', false],
    ['customer', 'pairing.create', false],
    ['customer', 'checkout.reset', false],
    ['customer', 'constructor', false],
    ['customer', '__proto__', false],
    ['cashier', 'nonexistent.command', false],
  ])('%s calling %s: forwarded=%s', async (role, command, forwarded) => {
    const { p, sent } = ports();
    const api = createPreloadApi(role, commandsFor(role), p);
    const result = (await api.invoke(command, {})) as { ok: boolean; error?: { code: string } };
    expect(sent.length).toBe(forwarded ? 1 : 0);
    expect(result.ok).toBe(forwarded);
    if (!forwarded) expect(result.error?.code).toBe('forbidden');
  });

  it('rejects a non-string command name', async () => {
    const { p, sent } = ports();
    const api = createPreloadApi('cashier', commandsFor('cashier'), p);
    const result = (await api.invoke(
      { toString: () => 'order.submit' } as unknown as string,
      {},
    )) as { ok: boolean };
    expect(result.ok).toBe(false);
    expect(sent).toEqual([]);
  });

  it('delivers only the subscribed event, payload only, until unsubscribed', () => {
    const { p, push } = ports();
    const api = createPreloadApi('customer', commandsFor('customer'), p);
    const got: unknown[] = [];
    const off = api.on('checkout.snapshot', (payload) => got.push(payload));
    push('checkout.snapshot', { revision: 1 });
    push('other.event', { revision: 2 });
    off();
    push('checkout.snapshot', { revision: 3 });
    expect(got).toEqual([{ revision: 1 }]);
    expect(api.role).toBe('customer');
  });
});
