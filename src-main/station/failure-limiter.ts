/** Why a limiter refuses: this client guessed too often, or everyone together did. */
export type LimitRefusal = 'client' | 'global';

export interface FailureLimiter {
  /** Whether `client` may try now; null when it may. */
  check(client: string): LimitRefusal | null;
  /** Counts one failure against `client` and against the global ceiling. */
  record(client: string): void;
}

/**
 * Counts failures in a sliding window, per client and in total. The per-client limit keeps one
 * guesser from locking everyone else out; the global ceiling bounds guesses from many addresses.
 */
export function createFailureLimiter(options: {
  perClient: number;
  global: number;
  windowMs: number;
  now?: () => number;
}): FailureLimiter {
  const now = options.now ?? Date.now;
  const byClient = new Map<string, number[]>();
  let all: number[] = [];

  const prune = () => {
    const since = now() - options.windowMs;
    all = all.filter((t) => t > since);
    for (const [client, times] of byClient) {
      const recent = times.filter((t) => t > since);
      if (recent.length === 0) byClient.delete(client);
      else byClient.set(client, recent);
    }
  };

  return {
    check(client) {
      prune();
      if ((byClient.get(client)?.length ?? 0) >= options.perClient) return 'client';
      if (all.length >= options.global) return 'global';
      return null;
    },
    record(client) {
      const t = now();
      all.push(t);
      byClient.set(client, [...(byClient.get(client) ?? []), t]);
    },
  };
}
