/** What a long step tells a person at a terminal; nothing at all when output is piped. */
export interface Progress {
  /** Names the step now running ("fetching the statement"). */
  step(text: string): void;
  /** Clears the line; the command's answer follows on stdout. */
  done(): void;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * A one-line spinner with the step and the seconds so far, on stderr, only when stderr is a
 * terminal: scripts reading stdout (JSON) or a log never see it.
 */
export function startProgress(
  stderr: NodeJS.WritableStream & { isTTY?: boolean },
  intervalMs = 100,
): Progress {
  if (!stderr.isTTY) return { step: () => {}, done: () => {} };
  const started = Date.now();
  let text = '';
  let frame = 0;
  const draw = () => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    stderr.write(`\r\x1b[2K${FRAMES[frame++ % FRAMES.length]} ${text} ${seconds} s`);
  };
  const timer = setInterval(draw, intervalMs);
  timer.unref();
  return {
    step(next) {
      text = next;
      draw();
    },
    done() {
      clearInterval(timer);
      stderr.write('\r\x1b[2K');
    },
  };
}
