import { isAbsolute, join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir, loadConfig } from '../config/load-config';
import { openLedger } from '../ledger/open-ledger';
import { parseDateArg } from '../payments/cli-support';
import { renderDayReportHtml } from '../reports/day-report-html';
import { UsageError, writeJsonLine, type CliIo } from './command';
import { inMajorUnits } from './money-args';

const HELP = `Usage: countersign report [--date YYYY-MM-DD] [--csv | --html] [--data-dir DIR]

The day's figures from the ledger: paid and refunded totals and counts, net, failed and
reversed attempts, and totals by method, platform and shift, as JSON (default), as CSV (one
row per attempt) or as a printable HTML page. --date defaults to today (local time).
JSON amounts are in the currency's major unit ("total":"12.34", "unit":"major"), as typed in
pay and refund; the CSV is the ledger's export, its amount columns in minor units (1234).
`;

/** `countersign report`: the day report. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      date: { type: 'string' },
      csv: { type: 'boolean', default: false },
      html: { type: 'boolean', default: false },
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
  if (values.csv && values.html) throw new UsageError('give at most one of --csv and --html');
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const config = loadConfig(dataDir);
  const file = isAbsolute(config.ledger.file)
    ? config.ledger.file
    : join(dataDir, config.ledger.file);
  const ledger = openLedger(file, { shiftStartHours: config.ledger.shiftStartHours });
  try {
    if (values.csv) io.stdout.write(ledger.exportCsv(date.value)!);
    else if (values.html)
      io.stdout.write(renderDayReportHtml(ledger.dayReport(date.value)!, config.store.name));
    else {
      const report = ledger.dayReport(date.value)!;
      writeJsonLine(io.stdout, inMajorUnits(report, report.currencies[0] ?? config.currency));
    }
    return 0;
  } finally {
    ledger.close();
  }
}
