import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir, loadConfig } from '../config/load-config';
import { tryOpenLedger } from '../ledger/open-ledger';
import { UsageError, writeJsonLine, type CliIo } from './command';

const HELP = `Usage: countersign ledger verify [--data-dir DIR]

Checks the ledger file: SQLite's quick_check, then the tamper-evident journal, row by row.
Prints one JSON line: {"ok":true,"file","entries","head"} when every row is as it was written,
else {"ok":false,"file","table","key","entry","problem","message"} naming the first row that
was changed, removed or added behind the ledger's back (exit status 1). Note the head hash
somewhere else (HQ, a printout): a rewrite of the whole journal changes it.
`;

/** `countersign ledger verify`: is the ledger as it was written? */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (positionals.length !== 1 || positionals[0] !== 'verify')
    throw new UsageError(`expected 'verify', got '${positionals.join(' ')}'`);
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const config = loadConfig(dataDir);
  const file = isAbsolute(config.ledger.file)
    ? config.ledger.file
    : join(dataDir, config.ledger.file);
  // Opening creates a missing file; verifying nothing would be a false "ok".
  if (!existsSync(file)) throw new Error(`there is no ledger at ${file}`);
  const opened = tryOpenLedger(file);
  if (!opened.ok) {
    writeJsonLine(io.stdout, { ok: false, ...opened.error });
    io.stderr.write(`countersign ledger verify: ${opened.error.message}\n`);
    return 1;
  }
  const ledger = opened.value;
  try {
    const r = ledger.verify();
    if (r.ok) {
      writeJsonLine(io.stdout, { ok: true, file, entries: r.value.lastEntry, head: r.value.head });
      return 0;
    }
    writeJsonLine(io.stdout, { ok: false, file, ...r.error });
    io.stderr.write(`countersign ledger verify: ${file}: ${r.error.message}\n`);
    return 1;
  } finally {
    ledger.close();
  }
}
