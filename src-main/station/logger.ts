import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { createDroppingStream } from './log-stream';

/**
 * The station log: JSON lines to stderr (so stdout stays machine-readable for the CLI), and to
 * `<dataDir>/logs/station.log` when a data directory is given, for the store's IT person.
 */
export function createLogger(
  options: {
    dataDir?: string;
    level?: string;
    stderr?: boolean;
    /** Instead of JSON on stderr: a host's own terminal stream (serve's human lines). */
    stderrStream?: pino.DestinationStream;
  } = {},
): Logger {
  const level = options.level ?? process.env.COUNTERSIGN_LOG_LEVEL ?? 'info';
  const streams: pino.StreamEntry[] = [];
  // Never pino.destination: its synchronous loop retries ENOSPC forever (see log-stream.ts).
  if (options.stderrStream)
    streams.push({ level: level as pino.Level, stream: options.stderrStream });
  else if (options.stderr !== false)
    streams.push({ level: level as pino.Level, stream: createDroppingStream({ fd: 2 }) });
  if (options.dataDir) {
    const dir = join(options.dataDir, 'logs');
    mkdirSync(dir, { recursive: true });
    streams.push({
      level: level as pino.Level,
      stream: createDroppingStream({ file: join(dir, 'station.log') }),
    });
  }
  return pino({ level, base: { app: 'countersign' } }, pino.multistream(streams));
}

/**
 * Logs a promise rejection nobody handled instead of letting Node end the process: a stray
 * rejection in one part (a device, an OCR worker) must not close the station in the middle of
 * a checkout. The ledger is write-ahead, so this is about the cashier, not the money. Returns
 * a function that removes the handler.
 */
export function logStrayRejections(logger: Logger): () => void {
  const onRejection = (reason: unknown) =>
    logger.error({ err: reason }, 'unhandled promise rejection (the station keeps running)');
  process.on('unhandledRejection', onRejection);
  return () => process.off('unhandledRejection', onRejection);
}
