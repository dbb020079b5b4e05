import { UsageError, type CliCommand, type CliIo } from './command';
import { COMMANDS, usage, wantsHelp, type CommandName } from './command-table.js';

// Each sub-command lives in its own file and is loaded only when used, so `countersign code …`
// never pays for OCR or SQLite start-up. The names and summaries are in command-table.js.
const loaders: Record<CommandName, () => Promise<CliCommand>> = {
  code: () => import('./code-command'),
  devices: () => import('./devices-command'),
  ocr: () => import('./ocr-command'),
  capture: () => import('./capture-command'),
  read: () => import('./read-command'),
  serve: () => import('./serve-command'),
  displays: () => import('./displays-command'),
  sandbox: () => import('./sandbox-command'),
  face: () => import('./face-command'),
  pay: () => import('./pay-command'),
  refund: () => import('./refund-command'),
  report: () => import('./report-command'),
  ledger: () => import('./ledger-command'),
  reconcile: () => import('./reconcile-command'),
  provider: () => import('./provider-command'),
  hq: () => import('./hq-command'),
  printer: () => import('./printer-command'),
};

const isCommand = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);

/** Entry point of the `countersign` CLI; returns the exit code. */
export async function main(argv: string[], io: CliIo = process): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || wantsHelp(argv)) {
    io.stdout.write(usage());
    return 0;
  }
  if (!isCommand(name)) {
    io.stderr.write(`countersign: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  try {
    const command = await loaders[name]();
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
