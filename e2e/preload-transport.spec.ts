import { expect, test } from './support/station';

/**
 * Inside Electron the preload exposes `window.countersign = {role, invoke, on}` and the window
 * must use it instead of opening its own WebSocket. No Electron binary runs here, so this test
 * plays the preload: an init script defines `window.countersign` (carried over its own socket,
 * standing in for IPC) and records every call, before the window's code runs.
 */
test('the cashier window talks through window.countersign when a preload provides it', async ({
  station,
  page,
}) => {
  await page.addInitScript(() => {
    type Msg = {
      type: string;
      id?: number;
      name?: string;
      payload?: unknown;
      result?: unknown;
      error?: unknown;
    };
    let socket: WebSocket | null = null;
    let ready: Promise<void> | null = null;
    let nextId = 0;
    const pending = new Map<number, (r: unknown) => void>();
    const listeners = new Map<string, Set<(p: unknown) => void>>();
    const calls: string[] = [];
    const open = () =>
      (ready ??= new Promise<void>((resolve) => {
        const ws = new WebSocket(`ws://${location.host}/ws`);
        socket = ws;
        ws.onopen = () => {
          const token = document.querySelector<HTMLMetaElement>(
            'meta[name="countersign-token"]',
          )?.content;
          ws.send(JSON.stringify({ type: 'hello', role: 'cashier', token }));
        };
        ws.onmessage = (e) => {
          const m = JSON.parse(String(e.data)) as Msg;
          if (m.type === 'welcome') resolve();
          else if (m.type === 'result' && m.id !== undefined) pending.get(m.id)?.(m.result);
          else if (m.type === 'error' && m.id !== undefined)
            pending.get(m.id)?.({ ok: false, error: m.error });
          else if (m.type === 'event' && m.name)
            listeners.get(m.name)?.forEach((l) => l(m.payload));
        };
      }));
    Object.assign(window, {
      __preloadCalls: calls,
      countersign: {
        role: 'cashier',
        async invoke(command: string, input: unknown) {
          calls.push(command);
          await open();
          return new Promise((resolve) => {
            const id = ++nextId;
            pending.set(id, resolve);
            socket!.send(JSON.stringify({ type: 'call', id, command, input }));
          });
        },
        on(event: string, listener: (p: unknown) => void) {
          void open();
          const set = listeners.get(event) ?? new Set();
          set.add(listener);
          listeners.set(event, set);
          return () => set.delete(listener);
        },
      },
    });
  });

  await page.goto(station.cashierUrl);
  await expect(page.getByText('Connected')).toBeVisible();
  await expect(page.getByText('Corner Market')).toBeVisible();
  await page.keyboard.type('Dumplings');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('24');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('phase')).toHaveAttribute('data-phase', 'awaiting_confirmation');
  const calls = await page.evaluate(
    () => (window as unknown as { __preloadCalls: string[] }).__preloadCalls,
  );
  expect(calls).toEqual(
    expect.arrayContaining(['station.info', 'checkout.get', 'order.submit', 'checkout.send']),
  );
});
