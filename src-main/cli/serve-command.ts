import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isLoopbackHost, lanAddress } from '../serve/network';
import { startStationServer } from '../serve/station-server';
import { defaultDataDir, loadConfig } from '../config/load-config';
import { createLogger, logStrayRejections } from '../station/logger';
import { createStation } from '../station/create-station';
import { loadCashierToken } from '../station/cashier-token';
import { checkDataDir } from '../station/data-dir';
import { createServer } from 'node:net';
import { UsageError, writeJsonLine, type CliIo } from './command';
import { humanStderr } from './human-log';

/** Refuses a port another program holds, naming it; port 0 (any free port) is always free. */
async function assertPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return;
  const probe = createServer();
  const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
    probe.once('error', resolve);
    probe.listen(port, host, () => resolve(null));
  });
  if (!error) return void (await new Promise((r) => probe.close(r)));
  if (error.code === 'EADDRINUSE')
    throw new UsageError(
      `port ${port} on ${host} is taken by another program; stop it or use --port`,
    );
  if (error.code === 'EACCES')
    throw new UsageError(`port ${port} on ${host} needs privileges; use a port above 1023`);
  throw error;
}

const HELP = `Usage: countersign serve [--port N] [--host H] [--data-dir DIR] [--no-pairing]

Runs the station headless: serves the cashier window (this machine only) at /cashier/, the
customer display at /customer/ and the contract over WebSocket at /ws.
  --port N        port to listen on (config serve.port, default 4711; 0 picks a free one)
  --host H        address to listen on (config serve.host, default 127.0.0.1); a LAN address
                  lets tablets connect as customer displays after pairing
  --data-dir DIR  where config.json, logs and the ledger live (default: ${defaultDataDir()})
  --no-pairing    let customer displays on this machine in without pairing (loopback only)
Prints one JSON line {"event":"listening","url":…} on stdout when ready; stderr has lines for a
person ("21:04:05 WARN [payments] …"), the log file <data-dir>/logs/station.log the JSON.
`;

/** `countersign serve`: the station core over HTTP + WebSocket until SIGINT/SIGTERM. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'no-pairing': { type: 'boolean', default: false },
      pages: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const overrides: Record<string, unknown> = {};
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port must be 0–65535, got '${values.port}'`);
    overrides.serve = { port };
  }
  if (values.host !== undefined)
    overrides.serve = { ...(overrides.serve as object), host: values.host };
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const config = loadConfig(dataDir, overrides);
  // Before the logger opens its file: a read-only directory is refused by name, not found later.
  checkDataDir(dataDir);
  // A taken port is said in one sentence before anything else (the sandbox, the ledger) starts.
  await assertPortFree(config.serve.host, config.serve.port);
  // A person reads the terminal, a program reads the file: human lines on stderr, JSON in logs/.
  const logger = createLogger({ dataDir, stderrStream: humanStderr() });
  const stopLoggingRejections = logStrayRejections(logger);
  const station = await createStation({ dataDir, config, logger });
  const server = await startStationServer({
    station,
    logger,
    host: config.serve.host,
    port: config.serve.port,
    pagesDir: values.pages ?? join(import.meta.dirname, '..', '..', 'out', 'renderer'),
    requirePairing: !values['no-pairing'],
    cashierToken: loadCashierToken(dataDir),
  }).catch(async (error: unknown) => {
    await station.close();
    throw error;
  });
  const lan = isLoopbackHost(config.serve.host) ? null : lanAddress();
  const customerUrl = lan ? `http://${lan}:${server.port}/customer/` : `${server.url}/customer/`;
  station.setCustomerUrl(customerUrl);
  writeJsonLine(io.stdout, {
    event: 'listening',
    url: server.url,
    cashierUrl: `${server.url}/cashier/`,
    customerUrl,
    dataDir,
  });
  io.stderr.write(
    `Countersign is ready.\n  Cashier window:   ${server.url}/cashier/\n  Customer display: ${customerUrl}\nPress Ctrl+C to stop.\n`,
  );

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await station.close();
  stopLoggingRejections();
  logger.flush();
  return 0;
}
