import { expect, test } from './support/station';
import { openCashier, openRaw, type RawClient } from './support/raw-ws';

const order = {
  lines: [{ id: 'l1', name: 'Tea', quantity: '1', unitPrice: 1200, amount: 1200 }],
  adjustments: [],
  total: 1200,
};

const result = (msg: Record<string, unknown>) =>
  msg.result as { ok: boolean; value?: Record<string, unknown>; error?: { code: string } };
const errorCode = (msg: Record<string, unknown>) =>
  msg.type === 'error' ? (msg.error as { code: string }).code : (result(msg).error?.code ?? null);

/** A customer display paired with a fresh code from the cashier. */
async function pairedCustomer(wsUrl: string, cashier: RawClient, id: number): Promise<RawClient> {
  const code = result(await cashier.call(id, 'pairing.create', {})).value!.code as string;
  const c = await openRaw(wsUrl);
  c.send({ type: 'pair', code, deviceName: 'Test tablet' });
  await c.next((m) => m.type === 'paired');
  await c.next((m) => m.type === 'welcome');
  return c;
}

test.describe('the station WebSocket, raw', () => {
  test('an unpaired client reads nothing and can send nothing', async ({ station }) => {
    const cashier = await openCashier(station.wsUrl, station.cashierUrl);
    expect(result(await cashier.call(1, 'order.submit', { order })).ok).toBe(true);
    const stranger = await openRaw(station.wsUrl);

    // Reading: refused.
    const read = await stranger.call(7, 'checkout.get', {});
    expect(read).toMatchObject({ type: 'error', id: 7, error: { code: 'not_paired' } });
    const info = await stranger.call(8, 'station.info', {});
    expect(errorCode(info)).toBe('not_paired');
    // Sending: refused, and nothing changes.
    expect(errorCode(await stranger.call(9, 'checkout.confirm', { revision: 0 }))).toBe(
      'not_paired',
    );
    expect(errorCode(await stranger.call(10, 'order.submit', { order }))).toBe('not_paired');
    // A made-up token is no better than none.
    stranger.send({ type: 'hello', role: 'customer', token: 'x'.repeat(32) });
    await stranger.next((m) => m.type === 'error' && errorCode(m) === 'not_paired');
    stranger.send({ type: 'hello', role: 'cashier', token: 'y'.repeat(32) });
    await stranger.next((m) => m.type === 'error' && errorCode(m) === 'not_paired');

    // While the checkout moves on, the stranger is sent no event and no data at all.
    const snap = result(await cashier.call(2, 'checkout.get', {})).value!;
    expect(
      result(
        await cashier.call(3, 'checkout.send', { revision: snap.revision, acceptWarnings: false }),
      ).ok,
    ).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    expect(stranger.received).toEqual([]);
    expect(stranger.isOpen()).toBe(true);
    const after = result(await cashier.call(4, 'checkout.get', {})).value!;
    expect(after.phase).toBe('awaiting_confirmation');
    stranger.close();
    cashier.close();
  });

  test('a customer-role client cannot call cashier commands', async ({ station }) => {
    const cashier = await openCashier(station.wsUrl, station.cashierUrl);
    const customer = await pairedCustomer(station.wsUrl, cashier, 1);
    // A paired display reads what it should...
    expect(result(await customer.call(1, 'checkout.get', {})).ok).toBe(true);
    // ...and every cashier command is refused as forbidden.
    for (const [i, [command, input]] of (
      [
        ['order.submit', { order }],
        ['checkout.send', { revision: 0, acceptWarnings: true }],
        ['checkout.cancel', {}],
        ['checkout.reopen', {}],
        ['checkout.reset', {}],
        ['pairing.create', {}],
      ] as const
    ).entries()) {
      const reply = await customer.call(100 + i, command, input);
      expect(errorCode(reply), command).toBe('forbidden');
    }
    expect(result(await cashier.call(2, 'checkout.get', {})).value!.phase).toBe('idle');
    // A display that paired cannot promote itself by saying hello as the cashier.
    customer.send({ type: 'hello', role: 'cashier', token: 'z'.repeat(32) });
    await customer.next((m) => m.type === 'error' && errorCode(m) === 'not_paired');
    customer.close();
    cashier.close();
  });

  test('malformed and oversized messages get an error reply; the connection and the checkout stay intact', async ({
    station,
  }) => {
    const cashier = await openCashier(station.wsUrl, station.cashierUrl);
    const customer = await pairedCustomer(station.wsUrl, cashier, 1);
    const submitted = result(await cashier.call(2, 'order.submit', { order })).value!;
    const sent = result(
      await cashier.call(3, 'checkout.send', {
        revision: submitted.revision,
        acceptWarnings: false,
      }),
    ).value!;

    for (const client of [cashier, customer]) {
      client.send('{"type":"call", this is not json');
      await client.next((m) => m.type === 'error' && errorCode(m) === 'malformed_message');
      expect(errorCode(await client.call(41, 'checkout.teleport', {}))).toBe('unknown_command');
      client.send({ type: 'teleport', id: 42 });
      await client.next(
        (m) => m.type === 'error' && m.id === 42 && errorCode(m) === 'malformed_message',
      );
      client.send([1, 2, 3]);
      await client.next((m) => m.type === 'error' && errorCode(m) === 'malformed_message');
      // Over 256 KiB: refused unread.
      client.send({
        type: 'call',
        id: 43,
        command: 'checkout.dispute',
        input: { revision: sent.revision, note: 'x'.repeat(300 * 1024) },
      });
      await client.next((m) => m.type === 'error' && errorCode(m) === 'message_too_large');
      // A command with bad input is an invalid_input result, not a crash.
      expect(errorCode(await client.call(44, 'checkout.get', { extra: 1 }))).toBe('invalid_input');
      expect(client.isOpen()).toBe(true);
    }

    // The checkout is exactly where it was, and both connections still work.
    const now = result(await customer.call(50, 'checkout.get', {})).value!;
    expect(now.phase).toBe('awaiting_confirmation');
    expect(now.revision).toBe(sent.revision);
    expect(now.order).toEqual(sent.order);
    const confirmed = result(
      await customer.call(51, 'checkout.confirm', { revision: now.revision }),
    );
    expect(confirmed.ok).toBe(true);
    await cashier.next(
      (m) =>
        m.type === 'event' && (m.payload as { phase: string }).phase !== 'awaiting_confirmation',
    );
    customer.close();
    cashier.close();
  });
});
