import { parseArgs } from 'node:util';
import { defaultDataDir, loadConfig } from '../config/load-config';
import { printerConfigSchema, type PrinterConfig } from '../printer/config';
import { createPrinterService } from '../printer/printer-service';
import { testPageDocument } from '../printer/test-page';
import { describeConnection } from '../printer/transport';
import { UsageError, writeJsonLine, type CliIo } from './command';

const HELP = `Usage: countersign printer check|test [--tcp HOST[:PORT] | --serial PATH [--baud N] | --usb PATH]
                                  [--paper 58|80] [--encoding gb18030|ascii] [--data-dir DIR]

Checks the receipt printer (ESC/POS): 'check' asks it for its paper and online state, 'test'
prints a test page in English and Chinese with a QR code. Without a connection option the
station's configured printer (config.json 'printer') is used. Prints the printer's state as
JSON; exit status 0 when the printer answered (and printed), 1 otherwise.
`;

/** The printer section the options describe, over the configured one. */
function printerFrom(
  values: Record<string, string | boolean | undefined>,
  configured: PrinterConfig,
): PrinterConfig {
  const picked = ['tcp', 'serial', 'usb'].filter((k) => values[k] !== undefined);
  if (picked.length > 1) throw new UsageError('give at most one of --tcp, --serial and --usb');
  const tcp = typeof values.tcp === 'string' ? /^(.+?)(?::(\d+))?$/.exec(values.tcp) : null;
  const connection = tcp
    ? { type: 'tcp', host: tcp[1], port: tcp[2] ? Number(tcp[2]) : 9100 }
    : typeof values.serial === 'string'
      ? { type: 'serial', path: values.serial, baudRate: Number(values.baud ?? 9600) }
      : typeof values.usb === 'string'
        ? { type: 'usb', path: values.usb }
        : configured.connection;
  const parsed = printerConfigSchema.safeParse({
    ...configured,
    enabled: true,
    connection,
    ...(values.paper ? { paper: Number(values.paper) } : {}),
    ...(values.encoding ? { encoding: values.encoding } : {}),
  });
  if (!parsed.success)
    throw new UsageError(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'printer'}: ${i.message}`).join('; '),
    );
  return parsed.data;
}

/** `countersign printer`: check the receipt printer or print a test page. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      tcp: { type: 'string' },
      serial: { type: 'string' },
      baud: { type: 'string' },
      usb: { type: 'string' },
      paper: { type: 'string' },
      encoding: { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const [action] = positionals;
  if (action !== 'check' && action !== 'test') throw new UsageError("say 'check' or 'test'");
  const config = loadConfig(values['data-dir'] ?? defaultDataDir());
  const printerConfig = printerFrom(values, config.printer);
  const printer = createPrinterService(printerConfig);
  if (action === 'check') {
    const status = await printer.check();
    writeJsonLine(io.stdout, status);
    return status.state === 'ready' ? 0 : 1;
  }
  const result = await printer.print(
    testPageDocument({
      storeName: config.store.name,
      paper: printerConfig.paper,
      connection: describeConnection(printerConfig.connection!),
      at: Date.now(),
    }),
    'test page',
  );
  writeJsonLine(io.stdout, { printed: result.ok, ...printer.status() });
  return result.ok ? 0 : 1;
}
