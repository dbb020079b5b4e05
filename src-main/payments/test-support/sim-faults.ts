import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Faults a provider simulator injects into its next matching requests, as the networks and
 * providers of real life do: late answers, answers lost after the work was done, 5xx, bodies
 * that are not the provider's format, answers whose signature does not verify.
 */
export interface SimFault {
  route: string;
  /** `other_merchant`: a well-signed answer that names another merchant (WeChat's mch_id). */
  kind: 'delay' | 'lost' | 'error_5xx' | 'garbage' | 'bad_sign' | 'other_merchant';
  ms?: number;
  count?: number;
}

/** A queue of faults consumed by route. */
export function createFaultQueue() {
  let faults: (SimFault & { left: number })[] = [];
  return {
    inject: (list: SimFault[]) =>
      void faults.push(...list.map((f) => ({ ...f, left: f.count ?? 1 }))),
    clear: () => void (faults = []),
    /** The fault for this request of `route`, consumed. */
    take(route: string): SimFault | null {
      const f = faults.find((x) => x.route === route && x.left > 0);
      if (!f) return null;
      f.left--;
      faults = faults.filter((x) => x.left > 0);
      return f;
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Reads a request body as text. */
export async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Runs `work` under a fault: delay before it, a 5xx without it, or after it a lost answer
 * (socket destroyed), garbage, or the answer with its signature spoiled by `spoil`.
 */
export async function answerWithFault(
  res: ServerResponse,
  fault: SimFault | null,
  work: () => { type: string; body: string },
  spoil: (body: string) => string,
): Promise<void> {
  if (fault?.kind === 'delay') await sleep(fault.ms ?? 0);
  if (fault?.kind === 'error_5xx') {
    res.writeHead(503).end('busy');
    return;
  }
  const out = work();
  if (fault?.kind === 'lost') {
    await sleep(fault.ms ?? 0);
    res.socket?.destroy();
    return;
  }
  const body =
    fault?.kind === 'garbage'
      ? '<html>gateway timeout</html>'
      : fault?.kind === 'bad_sign'
        ? spoil(out.body)
        : out.body;
  res.writeHead(200, { 'content-type': out.type }).end(body);
}
