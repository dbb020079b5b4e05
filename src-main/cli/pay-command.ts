import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { defaultDataDir, loadConfig } from '../config/load-config';
import type { Order } from '../contract/order';
import { classifyPaymentCode } from '../contract/payment-code';
import { openStationPayments } from '../payments/station-payments';
import { UsageError, writeJsonLine, type CliIo } from './command';
import { startProgress } from './progress';
import { inMajorUnits, parseMoneyArg } from './money-args';

const HELP = `Usage: countersign pay --amount 12.34 (--code CODE | --account WALLET) [--order-id ID] [--data-dir DIR]

Takes one payment through the station's orchestrator (write-ahead ledger, query, reverse) and
prints the final outcome as JSON: {"status":"paid"|"failed"|"reversed","attemptId","amount":"12.34",
"currency":"CNY","unit":"major",...}. Amounts, typed and printed, are in the currency's major unit.
Uses the configured payment system; when none answers, starts a sandbox for this command.
  --code CODE       a customer payment code (scanned); refused before the network if unknown
  --account WALLET  sandbox only: take a fresh code from that wallet (e.g. wx-alice)
  --order-id ID     pay this order id (an already paid order is never charged again)
Progress lines {"progress":state} go to stderr. Exit status 0 when paid, 1 otherwise.
`;

/** `countersign pay`: one payment, start to final state. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      amount: { type: 'string' },
      code: { type: 'string' },
      account: { type: 'string' },
      'order-id': { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const config = loadConfig(dataDir);
  const amount = parseMoneyArg('--amount', values.amount, config.currency);
  if (!amount.ok) throw new UsageError(amount.error);
  if (!values.code === !values.account)
    throw new UsageError('give exactly one of --code or --account');
  if (values.code) {
    const cls = classifyPaymentCode(values.code);
    if (!cls.valid) throw new UsageError(`--code refused: ${cls.error}`);
  }
  const orderId = values['order-id'] ?? `CLI-${randomBytes(6).toString('hex')}`;
  if (!/^[\w.-]{1,64}$/.test(orderId))
    throw new UsageError('--order-id is 1–64 letters, digits, . _ -');

  // On a terminal a spinner names the step; piped, each state is a JSON line for scripts.
  const tty = (io.stderr as { isTTY?: boolean }).isTTY === true;
  const progress = startProgress(io.stderr);
  progress.step('opening the ledger and the payment system');
  const station = await openStationPayments({
    dataDir,
    config,
    anyPort: true,
    onProgress: (attemptId, state) =>
      tty
        ? progress.step(`payment ${attemptId}: ${state.replace('_', ' ')}`)
        : writeJsonLine(io.stderr, { progress: state, attemptId }),
  }).catch((error: unknown) => {
    progress.done();
    throw error;
  });
  try {
    await station.service.resumeOpenAttempts();
    let code = values.code;
    if (values.account) {
      if (!station.sandbox)
        throw new UsageError(
          '--account works only with a sandbox this command started; use --code',
        );
      const res = await fetch(
        `${station.sandbox.url}/admin/accounts/${encodeURIComponent(values.account)}/codes`,
        {
          method: 'POST',
          headers: { 'x-cs-admin': station.sandbox.adminToken },
        },
      );
      if (!res.ok) throw new UsageError(`--account ${values.account}: no such sandbox wallet`);
      code = ((await res.json()) as { code: string }).code;
    }
    const cls = classifyPaymentCode(code!);
    const order: Order = {
      id: orderId,
      currency: config.currency,
      lines: [
        { id: '1', name: 'Payment', quantity: '1', unitPrice: amount.value, amount: amount.value },
      ],
      adjustments: [],
      total: amount.value,
      source: 'manual',
      warnings: [],
    };
    progress.step('sending the payment');
    const outcome = await station.service
      .pay(order, { kind: 'payment_code', code: cls.code, platform: cls.platform })
      .finally(() => progress.done());
    writeJsonLine(io.stdout, inMajorUnits(outcome, config.currency));
    return outcome.status === 'paid' ? 0 : 1;
  } finally {
    progress.done();
    await station.close();
  }
}
