import { parseArgs } from 'node:util';
import { defaultDataDir, loadConfig } from '../config/load-config';
import { parseDateArg } from '../payments/cli-support';
import { openStationPayments } from '../payments/station-payments';
import { UsageError, writeJsonLine, type CliIo } from './command';
import { startProgress } from './progress';

const HELP = `Usage: countersign reconcile [--date YYYY-MM-DD] [--data-dir DIR]

Fetches the payment system's statement for the day and compares it with the ledger: payments
and refunds missing on either side, amount and status differences. Prints the result as JSON.
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
  const progress = startProgress(io.stderr);
  progress.step('opening the ledger and the payment system');
  const station = await openStationPayments({
    dataDir,
    config: loadConfig(dataDir),
    anyPort: true,
  }).catch((error: unknown) => {
    progress.done();
    throw error;
  });
  try {
    progress.step(`fetching the statement for ${date.value} and comparing`);
    const result = await station.reconcile(date.value).finally(() => progress.done());
    if (!result.ok) throw new Error(`the statement could not be fetched: ${result.error}`);
    writeJsonLine(io.stdout, result.value);
    return result.value.balanced ? 0 : 1;
  } finally {
    await station.close();
  }
}
