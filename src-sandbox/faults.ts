import { z } from 'zod';

/** The API routes a fault can hit. */
export const faultRouteSchema = z.enum(['pay', 'query', 'reverse', 'refund']);
export type FaultRoute = z.infer<typeof faultRouteSchema>;

/**
 * One injected fault, consumed by the next `count` matching requests.
 * - delay: wait `ms` before processing (the charge lands late, after the client gave up);
 * - lost_response: process, then send nothing and drop the connection after `ms`;
 * - error_5xx: answer 500/503, `phase` before (nothing done) or after (charge done);
 * - connection_reset: destroy the socket, before or after processing;
 * - user_paying: the payment waits for a password whatever its amount, then resolves itself
 *   as `outcome` after `ms` (as if the customer typed the password or cancelled).
 */
export const faultSpecSchema = z
  .object({
    kind: z.enum(['delay', 'lost_response', 'error_5xx', 'connection_reset', 'user_paying']),
    route: faultRouteSchema.default('pay'),
    count: z.number().int().min(1).max(10_000).default(1),
    ms: z.number().int().min(0).max(600_000).default(0),
    phase: z.enum(['before', 'after']).default('before'),
    outcome: z.enum(['paid', 'cancelled']).default('paid'),
  })
  .strict();
export type FaultSpec = z.infer<typeof faultSpecSchema>;
export type FaultInput = z.input<typeof faultSpecSchema>;

/** A run-time settable queue of faults; each request takes at most one. */
export function createFaultQueue() {
  let queue: FaultSpec[] = [];
  return {
    add(specs: FaultSpec[]) {
      queue.push(...specs.map((s) => ({ ...s })));
    },
    clear() {
      queue = [];
    },
    pending(): FaultSpec[] {
      return queue.map((s) => ({ ...s }));
    },
    /** Takes one use of the first fault for this route, if any. */
    take(route: FaultRoute): FaultSpec | null {
      const index = queue.findIndex((f) => f.route === route);
      if (index < 0) return null;
      const fault = queue[index]!;
      fault.count -= 1;
      if (fault.count <= 0) queue.splice(index, 1);
      return { ...fault, count: 1 };
    },
  };
}
export type FaultQueue = ReturnType<typeof createFaultQueue>;
