import { close, open, write } from 'node:fs';

export interface DroppingStreamOptions {
  /** Bytes held while a write is pending; past it new lines are dropped, never waited for. */
  maxBufferedBytes?: number;
  /** How long to leave a failing destination alone before trying again. */
  retryMs?: number;
}

/** A log destination pino writes to (multistream entry). */
export interface DroppingStream {
  write(line: string): void;
  /** Calls back once what is buffered now was written or dropped; never blocks. */
  flush(cb?: (err?: Error) => void): void;
  /** Lines dropped so far (full disk, broken pipe, too much at once). */
  dropped(): number;
  end(): void;
}

/**
 * A log destination that never blocks and never throws: lines go out with asynchronous writes,
 * and when the disk is full (ENOSPC) or the destination fails otherwise they are dropped and
 * counted, and a note says how many once writing works again. pino's own destination retries
 * ENOSPC in a synchronous loop forever (or throws an 'error' event nobody handles), which froze
 * or ended the whole station on a full disk: the log matters less than the checkout.
 */
export function createDroppingStream(
  target: { fd: number } | { file: string },
  options: DroppingStreamOptions = {},
): DroppingStream {
  const maxBuffered = options.maxBufferedBytes ?? 1024 * 1024;
  const retryMs = options.retryMs ?? 1000;
  let fd: number | null = 'fd' in target ? target.fd : null;
  let opening = false;
  let queue: string[] = [];
  let queued = 0;
  let writing = false;
  let dropped = 0;
  let unreported = 0;
  let lastError = '';
  let resumeAt = 0;
  let ended = false;
  let waiters: ((err?: Error) => void)[] = [];

  const settle = () => {
    if (writing || opening || (queue.length > 0 && Date.now() >= resumeAt)) return;
    const w = waiters;
    waiters = [];
    for (const cb of w) cb();
  };

  const drop = (lines: number, reason: string) => {
    dropped += lines;
    unreported += lines;
    lastError = reason;
  };

  const pump = (): void => {
    if (writing || opening || queue.length === 0) return settle();
    const wait = resumeAt - Date.now();
    if (wait > 0) {
      // Still backing off: what is queued now is dropped rather than held for the retry.
      drop(queue.length, lastError);
      queue = [];
      queued = 0;
      setTimeout(pump, wait).unref();
      return settle();
    }
    if (fd === null && 'file' in target) {
      opening = true;
      open(target.file, 'a', (err, opened) => {
        opening = false;
        if (err) fail(queue.length, err);
        else fd = opened;
        pump();
      });
      return;
    }
    if (unreported > 0) {
      queue.unshift(
        `${JSON.stringify({ level: 40, time: Date.now(), msg: `${unreported} log lines were dropped (${lastError})` })}\n`,
      );
      unreported = 0;
    }
    const lines = queue;
    queue = [];
    queued = 0;
    const buf = Buffer.from(lines.join(''));
    writing = true;
    const writeFrom = (offset: number) =>
      write(fd!, buf, offset, buf.length - offset, null, (err, n) => {
        if (err) {
          writing = false;
          fail(lines.length, err);
          return pump();
        }
        if (offset + n < buf.length) return writeFrom(offset + n);
        writing = false;
        pump();
      });
    writeFrom(0);
  };

  const fail = (lines: number, err: NodeJS.ErrnoException) => {
    drop(lines, err.code ?? err.message);
    queue = [];
    queued = 0;
    resumeAt = Date.now() + retryMs;
  };

  return {
    write(line) {
      if (ended) return;
      if (queued + line.length > maxBuffered) {
        drop(1, lastError || 'too many lines at once');
        return;
      }
      queue.push(line);
      queued += line.length;
      if (!writing && !opening) queueMicrotask(pump);
    },
    flush(cb) {
      if (cb) waiters.push(cb);
      pump();
    },
    dropped: () => dropped,
    end() {
      ended = true;
      this.flush(() => {
        if ('file' in target && fd !== null) close(fd, () => {});
        fd = null;
      });
    },
  };
}
