import { parseArgs } from 'node:util';
import { defaultDataDir, loadConfig } from '../config/load-config';
import { parsePortArg } from '../payments/cli-support';
import { runSandboxUntilSignal } from '../../src-sandbox/run-sandbox';
import { UsageError, type CliIo } from './command';
import { parseMoneyArg } from './money-args';

const HELP = `Usage: countersign sandbox [--port N] [--data-dir DIR] [--password-above AMOUNT]

Runs the embedded sandbox acquirer on 127.0.0.1 until SIGINT/SIGTERM. Prints one JSON line
{"ready":true,"url","port","adminToken","pid"} once listening. Wallet pages: <url>/wallet/wx-alice,
<url>/wallet/ali-bob, <url>/wallet/up-carol (password 123456). API: docs/payment-api.md.
  --port N        listen port (default: payments.sandbox.port, 4712; 0 picks a free one)
  --data-dir DIR  where sandbox.sqlite lives (default: ${defaultDataDir()})
  --password-above AMOUNT  payments above AMOUNT (major unit, e.g. 1000.00) wait for the
                  wallet password
`;

/** `countersign sandbox`: the sandbox acquirer in the foreground. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'password-above': { type: 'string' },
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
  let port = config.payments.sandbox.port;
  if (values.port !== undefined) {
    const p = parsePortArg(values.port);
    if (p === null) throw new UsageError(`--port must be 0–65535, got '${values.port}'`);
    port = p;
  }
  let passwordAbove = config.payments.sandbox.passwordAbove;
  if (values['password-above'] !== undefined) {
    const above = parseMoneyArg('--password-above', values['password-above'], config.currency, {
      zero: true,
    });
    if (!above.ok) throw new UsageError(above.error);
    passwordAbove = above.value;
  }
  return runSandboxUntilSignal(
    {
      port,
      dataDir,
      passwordAbove,
      merchantId: config.payments.sandbox.merchantId,
      key: config.payments.sandbox.key,
    },
    io.stdout,
  );
}
