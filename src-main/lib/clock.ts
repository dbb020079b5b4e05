/**
 * Time as a port, so tests, the crash suite and the chaos run can drive it: one clock for the
 * whole station. Each part asks for the slice it uses (TimerClock, SleepClock).
 */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Resolves after `ms`, or at once when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** What timers need (the checkout's inactivity and result timers). */
export type TimerClock = Pick<Clock, 'now' | 'setTimeout' | 'clearTimeout'>;
/** What a polling loop needs (the payment orchestrator). */
export type SleepClock = Pick<Clock, 'now' | 'sleep'>;

/** The wall clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    }),
};
