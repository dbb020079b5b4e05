import { expect, test } from './support/station';
import { openCashier } from './support/raw-ws';
import { pairWithCode } from './support/helpers';

test('a touch on the customer display pushes the inactivity deadline back', async ({
  station,
  page,
}) => {
  const cashier = await openCashier(station.wsUrl, station.cashierUrl);
  let id = 1;
  const call = async (command: string, input: unknown) => {
    const reply = await cashier.call(id++, command, input);
    const result = reply.result as {
      ok: boolean;
      value: { code: string; revision: number; deadline: number | null };
    };
    expect(result?.ok, `${command}: ${JSON.stringify(reply)}`).toBe(true);
    return result.value;
  };
  const { code } = await call('pairing.create', {});
  await pairWithCode(page, station.customerUrl, code);

  const submitted = await call('order.submit', {
    order: {
      lines: [{ id: 'l1', name: 'Oranges', quantity: '1.250', unitPrice: 800, amount: 1000 }],
      adjustments: [],
      total: 1000,
    },
  });
  const sent = await call('checkout.send', { revision: submitted.revision, acceptWarnings: false });
  expect(sent.deadline).not.toBeNull();
  await expect(page.getByText('1.250 × ¥8.00')).toBeVisible();

  await page.waitForTimeout(1_200);
  // A touch anywhere that is not a button still counts as the customer being there.
  await page.getByRole('heading', { name: 'Please check your order' }).click();
  const event = await cashier.next(
    (m) =>
      m.type === 'event' &&
      ((m.payload as { deadline: number | null }).deadline ?? 0) > sent.deadline!,
  );
  expect((event.payload as { phase: string }).phase).toBe('awaiting_confirmation');
  cashier.close();
});
