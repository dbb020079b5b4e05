import { createDroppingStream, type DroppingStream } from '../station/log-stream';

const LEVELS: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

/**
 * One pino JSON line as a line a person reads on a terminal: "21:04:05 WARN [payments] msg —
 * error". The JSON itself goes to the log file; a line that is not pino's passes unchanged.
 */
export function humanLine(json: string): string {
  let rec: Record<string, unknown>;
  try {
    rec = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  const time = new Date(typeof rec.time === 'number' ? rec.time : Date.now());
  const hhmmss = [time.getHours(), time.getMinutes(), time.getSeconds()]
    .map((n) => String(n).padStart(2, '0'))
    .join(':');
  const level = LEVELS[rec.level as number] ?? String(rec.level);
  const part = rec.part ?? rec.component;
  const err = rec.err as { message?: unknown } | undefined;
  const why = typeof err?.message === 'string' ? ` — ${err.message}` : '';
  return `${hhmmss} ${level}${part ? ` [${String(part)}]` : ''} ${String(rec.msg ?? '')}${why}\n`;
}

/**
 * A log destination for the terminal: pino's lines made human (see `humanLine`), written to
 * stderr without ever blocking or throwing (a closed pipe drops lines, the station goes on).
 */
export function humanStderr(out: DroppingStream = createDroppingStream({ fd: 2 })): DroppingStream {
  return { ...out, write: (line: string) => out.write(humanLine(line)) };
}
