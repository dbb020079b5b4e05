import { parseArgs } from 'node:util';
import { defaultDataDir, loadConfig } from '../config/load-config';
import { openStationPayments } from '../payments/station-payments';
import { UsageError, writeJsonLine, type CliIo } from './command';
import { startProgress } from './progress';
import { inMajorUnits, major, parseMoneyArg } from './money-args';

const HELP = `Usage: countersign refund --attempt ID (--amount 1.23 | --all) [--reason TEXT] [--data-dir DIR]

Amounts, typed and printed, are in the currency's major unit: --amount 12.50 refunds 12 yuan
50 fen, and the answer says "amount":"12.50" with "currency" and "unit":"major".
Refunds part or all of a paid payment (the attempt id 'countersign pay' printed), never beyond
what was paid minus earlier refunds. Prints {"ok":true,"refund":{...},"left":"…"} or
{"ok":false,"error":{code,message}}.
Exit status 0 when the refund succeeded, 1 otherwise.
`;

/** `countersign refund`: one refund through the ledger and the payment provider. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      attempt: { type: 'string' },
      amount: { type: 'string' },
      all: { type: 'boolean', default: false },
      reason: { type: 'string', default: 'refund at the counter' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (!values.attempt)
    throw new UsageError('--attempt is required (the id printed by countersign pay)');
  if (values.all === (values.amount !== undefined))
    throw new UsageError('give exactly one of --amount or --all');
  if (!values.reason.trim() || values.reason.length > 200)
    throw new UsageError('--reason is 1–200 characters');
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const config = loadConfig(dataDir);
  const progress = startProgress(io.stderr);
  progress.step('opening the ledger and the payment system');
  const station = await openStationPayments({ dataDir, config, anyPort: true }).catch(
    (error: unknown) => {
      progress.done();
      throw error;
    },
  );
  try {
    await station.service.resumeOpenAttempts();
    const attempt = station.ledger.getAttempt(values.attempt);
    if (!attempt) throw new UsageError(`no payment ${values.attempt} in the ledger`);
    let minor = attempt.amount - attempt.refunded;
    if (!values.all) {
      const parsed = parseMoneyArg('--amount', values.amount, attempt.currency);
      if (!parsed.ok) throw new UsageError(parsed.error);
      minor = parsed.value;
    }
    // Said here in the unit the cashier typed (12.50, not 1250), before the provider is asked.
    const left = attempt.amount - attempt.refunded;
    if (minor > left) {
      const money = (v: number) => `${major(v, attempt.currency)} ${attempt.currency}`;
      writeJsonLine(io.stdout, {
        ok: false,
        error: {
          code: 'refund_exceeds_paid',
          message: `a refund of ${money(minor)} is more than the ${money(left)} left of this ${money(attempt.amount)} payment`,
        },
      });
      return 1;
    }
    progress.step(
      `asking the payment system to refund ${major(minor, attempt.currency)} ${attempt.currency}`,
    );
    const result = await station.service
      .refund(attempt.id, minor, values.reason.trim())
      .finally(() => progress.done());
    const after = station.ledger.getAttempt(attempt.id);
    writeJsonLine(
      io.stdout,
      result.ok
        ? inMajorUnits(
            {
              ok: true,
              refund: result.value,
              left: major(after ? after.amount - after.refunded : left - minor, attempt.currency),
            },
            attempt.currency,
          )
        : result,
    );
    return result.ok ? 0 : 1;
  } finally {
    progress.done();
    await station.close();
  }
}
