import { decodeEscPos, printedLines } from '../src-main/printer/test-support/escpos-decode';
import { simulateTcpPrinter } from '../src-main/printer/test-support/printer-simulator';
import { expect, test } from './support/station';
import { shot } from './support/helpers';
import { openTill, type Till } from './support/till';

/** Sends an order to the customer, who confirms and pays with a code typed at the till. */
async function payOne(till: Till, name: string, total: number): Promise<void> {
  const submitted = await till.call('order.submit', {
    order: {
      lines: [{ id: 'l1', name, quantity: '1', unitPrice: total, amount: total }],
      adjustments: [],
      total,
    },
  });
  await till.call('checkout.send', { revision: submitted.revision, acceptWarnings: false });
  await till.customer.getByRole('button', { name: 'Confirm' }).click();
  await till.customer.locator('button[data-method="code"]').click();
  await till.phone.goto(`${till.sandboxUrl}/wallet/wx-alice`);
  const code = await till.phone.locator('.code[data-code]').getAttribute('data-code');
  await till.cashier.getByLabel('Scanner not reading? Type the payment code').fill(code!);
  await till.cashier.getByRole('button', { name: 'Pay with code' }).click();
  await expect(till.cashier.getByTestId('phase')).toHaveAttribute('data-phase', 'paid');
  await till.call('checkout.reset', {});
}

test('a cashier signs in, takes three payments and a refund, closes with a count, the handover prints and the next cashier signs in', async ({
  browser,
}) => {
  const printer = await simulateTcpPrinter();
  const till = await openTill(
    browser,
    {},
    {
      printer: {
        enabled: true,
        connection: { type: 'tcp', host: '127.0.0.1', port: printer.port },
        paper: 80,
      },
      voice: { enabled: false },
    },
  );
  try {
    const { cashier } = till;
    const panel = cashier.getByTestId('shift-panel');
    // The first cashier of the station becomes its manager; the second needs the manager's PIN.
    await expect(panel).toContainText('No cashiers yet');
    await panel.getByText('Add a cashier').click();
    await panel.getByTestId('cashier-add-name').fill('王芳');
    await panel.getByTestId('cashier-add-pin').fill('2468');
    await panel.getByTestId('cashier-add').click();
    await expect(panel.getByTestId('shift-cashier')).toContainText('王芳');
    await panel.getByText('Add a cashier').click();
    await panel.getByTestId('cashier-add-name').fill('Li Na');
    await panel.getByTestId('cashier-add-pin').fill('1357');
    await panel.getByTestId('cashier-add-manager-pin').fill('2468');
    await panel.getByTestId('cashier-add').click();
    await expect(panel.getByTestId('shift-cashier')).toContainText('Li Na');

    // 王芳 signs in with a 500.00 float (a wrong PIN first).
    await panel.getByTestId('shift-cashier').selectOption({ label: '王芳' });
    await panel.getByTestId('shift-pin').fill('0000');
    await panel.getByTestId('shift-float').fill('500.00');
    await panel.getByTestId('shift-signin').click();
    await expect(panel.getByTestId('shift-error')).toContainText('Wrong cashier or PIN');
    // The station's refusal in the cashier's other language, not its English.
    await cashier.getByRole('button', { name: '中文' }).click();
    await panel.getByTestId('shift-pin').fill('0000');
    await panel.getByTestId('shift-signin').click();
    await expect(panel.getByTestId('shift-error')).toHaveText('收银员或密码错误。');
    await cashier.getByRole('button', { name: 'English' }).click();
    await panel.getByTestId('shift-pin').fill('2468');
    await panel.getByTestId('shift-signin').click();
    await expect(panel.getByTestId('shift-current')).toContainText('王芳 is on shift');
    await expect(panel.getByTestId('shift-current')).toContainText('500.00 CNY');
    await shot(cashier, 'shift-1-signed-in');

    await payOne(till, 'Soy milk', 300);
    await payOne(till, 'Fried dough', 500);
    await payOne(till, 'Steamed buns', 600);
    const history = (await till.call('payments.history', {})) as unknown as {
      id: string;
      amount: number;
    }[];
    const soy = history.find((a) => a.amount === 300)!;
    await till.call('payments.refund', { attemptId: soy.id, amount: 300, reason: 'spilt' });
    // Three receipts and one refund receipt reached the printer.
    await expect
      .poll(() => decodeEscPos(printer.received()).blocks.filter((b) => b.kind === 'cut').length)
      .toBe(4);
    printer.clear();

    // Closing with a count 2.00 short, handed to Li Na: the handover report prints.
    await panel.getByTestId('shift-counted').fill('498.00');
    await panel.getByTestId('shift-handto').fill('Li Na');
    await panel.getByTestId('shift-close').click();
    const result = panel.getByTestId('shift-result');
    await expect(result).toContainText("王芳's shift is closed");
    await expect(result).toContainText('3 payments 14.00 CNY, 1 refunds 3.00 CNY, net 11.00 CNY');
    await expect(result).toContainText('difference -2.00 CNY');
    await expect(panel.getByTestId('shift-printed')).toHaveText('Handover report printed.');
    await shot(cashier, 'shift-2-handover');

    await expect
      .poll(() => decodeEscPos(printer.received()).blocks.some((b) => b.kind === 'cut'))
      .toBe(true);
    const decoded = decodeEscPos(printer.received());
    expect(decoded.unknown).toEqual([]);
    const lines = printedLines(decoded);
    const row = (label: string) => lines.find((l) => l.startsWith(label)) ?? `(no ${label} line)`;
    expect(lines[0]).toBe('Corner Market');
    expect(lines).toContain('SHIFT HANDOVER');
    expect(row('Cashier')).toMatch(/ 王芳$/);
    expect(row('Handed to')).toMatch(/ Li Na$/);
    expect(row('Payments × 3')).toMatch(/ 14\.00$/);
    expect(row('Refunds × 1')).toMatch(/ -3\.00$/);
    expect(row('Net')).toMatch(/ CNY 11\.00$/);
    expect(row('  wechat / sandbox × 3')).toMatch(/ 14\.00$/);
    expect(row('Float (expected cash)')).toMatch(/ 500\.00$/);
    expect(row('Counted cash')).toMatch(/ 498\.00$/);
    expect(row('Difference')).toMatch(/ -2\.00$/);

    // The next cashier signs in and takes over.
    await panel.getByTestId('shift-cashier').selectOption({ label: 'Li Na' });
    await panel.getByTestId('shift-pin').fill('1357');
    await panel.getByTestId('shift-float').fill('498.00');
    await panel.getByTestId('shift-signin').click();
    await expect(panel.getByTestId('shift-current')).toContainText('Li Na is on shift');
    const state = (await till.call('shift.state', {})) as {
      current: { takenFrom: { cashierName: string } | null };
    };
    expect(state.current.takenFrom?.cashierName).toBe('王芳');

    // The device panel: the printer printed last and is ready; the payment system is there.
    await cashier.getByRole('button', { name: 'Back office' }).click();
    await cashier.getByRole('tab', { name: 'Devices' }).click();
    const devices = cashier.getByTestId('store-devices');
    await expect(devices.locator('[data-device="printer"]')).toHaveAttribute('data-state', 'ready');
    await expect(devices.locator('[data-device="printer"]')).toContainText(
      `tcp 127.0.0.1:${printer.port}`,
    );
    await expect(devices.locator('[data-device="payments"]')).toHaveAttribute(
      'data-state',
      'available',
    );
    await shot(cashier, 'shift-3-devices');
  } finally {
    await till.stop();
    await printer.close();
  }
});
