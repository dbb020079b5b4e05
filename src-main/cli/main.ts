import { UsageError, type CliCommand, type CliIo } from './command';

interface Entry {
  summary: string;
  load: () => Promise<CliCommand>;
}

// One line per sub-command; each lives in its own file and is loaded only when used,
// so `countersign code …` never pays for OCR or SQLite start-up.
const commands: Record<string, Entry> = {
  code: { summary: 'classify payment codes (or --batch)', load: () => import('./code-command') },
  devices: { summary: 'list serial and HID devices', load: () => import('./devices-command') },
  ocr: {
    summary: 'read the order off a POS screenshot (or --batch)',
    load: () => import('./ocr-command'),
  },
  capture: {
    summary: 'grab a screen region to a PNG file',
    load: () => import('./capture-command'),
  },
  read: {
    summary: 'capture the calibrated region now and print the order',
    load: () => import('./read-command'),
  },
  serve: {
    summary: 'run the station headless: both windows and the contract over HTTP/WebSocket',
    load: () => import('./serve-command'),
  },
  displays: {
    summary: 'list paired customer displays, or revoke one',
    load: () => import('./displays-command'),
  },
  sandbox: {
    summary: 'run the sandbox payment system on 127.0.0.1',
    load: () => import('./sandbox-command'),
  },
  pay: {
    summary: 'take one payment through the orchestrator; prints the outcome',
    load: () => import('./pay-command'),
  },
  refund: {
    summary: 'refund part or all of a paid payment',
    load: () => import('./refund-command'),
  },
  report: {
    summary: 'the day report from the ledger (JSON, --csv, --html)',
    load: () => import('./report-command'),
  },
  ledger: {
    summary: 'verify the ledger file and its journal',
    load: () => import('./ledger-command'),
  },
  reconcile: {
    summary: "reconcile the ledger with the payment system's statement",
    load: () => import('./reconcile-command'),
  },
  provider: {
    summary: 'WeChat Pay / Alipay: check credentials, sign, query, bill',
    load: () => import('./provider-command'),
  },
};

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const rows = Object.entries(commands)
    .map(([name, e]) => `  ${name.padEnd(width)}  ${e.summary}`)
    .join('\n');
  return `Usage: countersign <command> [options]\n\nCommands:\n${rows}\n\nRun 'countersign <command> --help' for a command's options.\n`;
}

/** Entry point of the `countersign` CLI; returns the exit code. */
export async function main(argv: string[], io: CliIo = process): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return 0;
  }
  const entry = commands[name];
  if (!entry) {
    io.stderr.write(`countersign: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  try {
    const command = await entry.load();
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`countersign ${name}: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(
      `countersign ${name}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
}
