import { parseArgs } from 'node:util';
import { defaultDataDir, loadConfig } from '../config/load-config';
import { parseDateArg } from '../payments/cli-support';
import { openStationPayments } from '../payments/station-payments';
import { UsageError, writeJsonLine, type CliIo } from './command';
import { inMajorUnits, major } from './money-args';
import { startProgress } from './progress';

const HELP = `Usage: countersign reconcile [--date YYYY-MM-DD] [--data-dir DIR]

Fetches the payment system's statement for the day and compares it with the ledger: payments
and refunds missing on either side, amount and status differences. Prints the result as JSON,
amounts in the currency's major unit ("amount":"12.34", "unit":"major") as pay and refund take them.
Exit status 0 when everything matches, 1 when there are differences.
`;

/** `countersign reconcile`: ledger vs. the provider's daily statement. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      date: { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const date = parseDateArg(values.date);
  if (!date.ok) throw new UsageError(date.error);
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const config = loadConfig(dataDir);
  const progress = startProgress(io.stderr);
  progress.step('opening the ledger and the payment system');
  const station = await openStationPayments({
    dataDir,
    config,
    anyPort: true,
  }).catch((error: unknown) => {
    progress.done();
    throw error;
  });
  try {
    progress.step(`fetching the statement for ${date.value} and comparing`);
    const result = await station.reconcile(date.value).finally(() => progress.done());
    if (!result.ok) throw new Error(`the statement could not be fetched: ${result.error}`);
    // Amounts as pay and refund take them; a difference's two sides are amounts too.
    const currency = config.currency;
    const answer = inMajorUnits(result.value, currency);
    answer.amountDifferences = result.value.amountDifferences.map((d) => ({
      ...d,
      ledger: major(Number(d.ledger), currency),
      statement: major(Number(d.statement), currency),
    }));
    writeJsonLine(io.stdout, answer);
    return result.value.balanced ? 0 : 1;
  } finally {
    await station.close();
  }
}
