import { describe, expect, it } from 'vitest';
import type { Role } from '../contract/commands';
import { ok, type Result } from '../contract/result';
import { dispatchFromSender } from './ipc-dispatch';
import { senderRole, WindowRegistry } from './window-registry';

const cashierPage = 'countersign://app/cashier/index.html';
const customerPage = 'countersign://app/customer/index.html';

function registry(): WindowRegistry {
  const r = new WindowRegistry();
  r.register(1, 'cashier');
  r.register(2, 'customer');
  return r;
}

describe('senderRole', () => {
  it.each<[string, number, string | null, boolean, Role | null]>([
    ['cashier window on its page', 1, cashierPage, true, 'cashier'],
    ['customer window on its page, with hash', 2, `${customerPage}#/idle`, true, 'customer'],
    ['unknown webContents', 3, cashierPage, true, null],
    ['cashier window showing the customer page', 1, customerPage, true, null],
    ['cashier window navigated away', 1, 'https://evil.example/', true, null],
    ['cashier window on a file URL', 1, 'file:///tmp/cashier/index.html', true, null],
    ['subframe of the cashier window', 1, cashierPage, false, null],
    ['frame gone', 1, null, true, null],
  ])('%s', (_name, id, frameUrl, isMainFrame, role) => {
    const result = senderRole(registry(), { webContentsId: id, frameUrl, isMainFrame });
    expect(result.ok ? result.value : null).toBe(role);
  });

  it('forgets a window once it is unregistered', () => {
    const r = registry();
    r.unregister(1);
    expect(senderRole(r, { webContentsId: 1, frameUrl: cashierPage, isMainFrame: true }).ok).toBe(
      false,
    );
    expect(r.ids()).toEqual([2]);
  });
});

describe('dispatchFromSender', () => {
  const calls: [Role, string, unknown][] = [];
  const logs: string[] = [];
  const station = async (role: Role, command: string, input: unknown): Promise<Result<unknown>> => {
    calls.push([role, command, input]);
    if (command === 'explode') throw new Error('boom');
    return ok({ role, command });
  };
  const log = (_level: 'warn' | 'error', message: string) => logs.push(message);

  it('passes the registered role, never one the page could claim', async () => {
    const result = await dispatchFromSender(
      registry(),
      { webContentsId: 2, frameUrl: customerPage, isMainFrame: true },
      'checkout.confirm',
      { revision: 3, role: 'cashier' },
      station,
      log,
    );
    expect(result).toEqual({ ok: true, value: { role: 'customer', command: 'checkout.confirm' } });
    expect(calls.at(-1)).toEqual([
      'customer',
      'checkout.confirm',
      { revision: 3, role: 'cashier' },
    ]);
  });

  it('refuses a foreign sender without reaching the station', async () => {
    const before = calls.length;
    const result = await dispatchFromSender(
      registry(),
      { webContentsId: 9, frameUrl: cashierPage, isMainFrame: true },
      'order.submit',
      {},
      station,
      log,
    );
    expect(result.ok ? null : result.error.code).toBe('forbidden');
    expect(calls.length).toBe(before);
    expect(logs.at(-1)).toContain('not a station window');
  });

  it.each([[42], [''], ['x'.repeat(65)], [null]])(
    'answers unknown_command for name %j',
    async (name) => {
      const result = await dispatchFromSender(
        registry(),
        { webContentsId: 1, frameUrl: cashierPage, isMainFrame: true },
        name,
        {},
        station,
        log,
      );
      expect(result.ok ? null : result.error.code).toBe('unknown_command');
    },
  );

  it('turns a station exception into an internal error result', async () => {
    const result = await dispatchFromSender(
      registry(),
      { webContentsId: 1, frameUrl: cashierPage, isMainFrame: true },
      'explode',
      {},
      station,
      log,
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'The station failed on explode' },
    });
    expect(logs.at(-1)).toContain('boom');
  });
});
