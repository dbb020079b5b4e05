import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderSchema } from '../../contract/order';
import { stripBidiControls } from '../../contract/plain-text';
import { cashierWs, openWs, pairingCode, startTestStation } from '../test-support/security-harness';

const RLO = '\u202E';
const EVERY_CONTROL = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C';
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

// Issue 9, part 2: "Tea\u202E21¥" showed reversed on both screens. The contract drops bidi
// controls where order text is validated, so every screen, the ledger and reports get clean text.
describe('bidi controls in item names', () => {
  it('the rule removes every bidi control and nothing else', () => {
    expect(stripBidiControls(`a${EVERY_CONTROL}b`)).toBe('ab');
    expect(stripBidiControls('乌龙茶 Oolong – 250 g ‎')).toBe('乌龙茶 Oolong – 250 g ');
    expect(stripBidiControls('שלום مرحبا')).toBe('שלום مرحبا'); // RTL letters stay
  });

  it('an order read off the screen (orderSchema) comes out clean too', () => {
    const order = orderSchema.parse({
      id: 'o1',
      currency: 'CNY',
      lines: [{ id: 'l1', name: `${RLO}aeT`, quantity: '1', unitPrice: 100, amount: 100 }],
      adjustments: [],
      total: 100,
      source: 'ocr',
    });
    expect(order.lines[0]!.name).toBe('aeT');
  });

  describe('over the station WebSocket', () => {
    let t: Awaited<ReturnType<typeof startTestStation>>;
    beforeAll(async () => {
      t = await startTestStation();
    });
    afterAll(() => t.stop());

    it('both windows receive names without controls, and a name of controls only is refused', async () => {
      const cashier = await cashierWs(t.server);
      const code = await pairingCode(cashier);
      const customer = openWs(t.server);
      await customer.opened;
      customer.send({ type: 'pair', code, deviceName: `Tab${RLO}let` });
      await customer.next((f) => f.type === 'welcome');

      const order = {
        lines: [{ id: 'l1', name: `Tea ${RLO}21¥`, quantity: '1', unitPrice: 1200, amount: 1200 }],
        adjustments: [{ id: 'a1', label: `\u2067Discount\u2069`, amount: -200 }],
        total: 1000,
      };
      const submitted = (await cashier.call('order.submit', { order })) as {
        result: { ok: boolean; value: { revision: number; order: unknown } };
      };
      expect(submitted.result.ok).toBe(true);
      const event = await customer.next(
        (f) => f.type === 'event' && f.name === 'checkout.snapshot',
      );
      for (const snapshot of [submitted.result.value, event.payload]) {
        const { lines, adjustments } = (snapshot as { order: typeof order }).order;
        expect(lines[0]!.name).toBe('Tea 21¥');
        expect(adjustments[0]!.label).toBe('Discount');
      }
      // The customer's dispute note reaches the cashier clean as well.
      const sent = (await cashier.call('checkout.send', {
        revision: submitted.result.value.revision,
        acceptWarnings: true,
      })) as { result: { value: { revision: number } } };
      const disputed = (await customer.call('checkout.dispute', {
        revision: sent.result.value.revision,
        note: `wrong ${RLO}price`,
      })) as { result: { ok: boolean; value: unknown } };
      expect(JSON.stringify(disputed.result.value)).toContain('wrong price');
      expect(JSON.stringify(disputed.result.value)).not.toMatch(BIDI);
      // The display's name as the cashier lists it.
      const displays = (await cashier.call('displays.list')) as { result: { value: unknown[] } };
      expect(displays.result.value).toMatchObject([{ name: 'Tablet' }]);

      const empty = { ...order, lines: [{ ...order.lines[0]!, name: `${RLO}\u200F` }] };
      expect(await cashier.call('order.submit', { order: empty })).toMatchObject({
        result: { ok: false, error: { code: 'invalid_input' } },
      });
      cashier.ws.close();
      customer.ws.close();
    });
  });
});
