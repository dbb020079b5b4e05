import type { Role } from '../../contract/commands';
import type { PreloadApi } from '../../contract/client';
import { fail } from '../../contract/result';

/** The raw IPC a preload has: invoke on the one channel, and subscribe to pushed events. */
export interface PreloadPorts {
  invoke(command: string, input: unknown): Promise<unknown>;
  subscribe(listener: (name: string, payload: unknown) => void): () => void;
}

/**
 * Builds the API a preload exposes for `role`: a command outside `allowed` (commandsFor(role))
 * is answered with a forbidden result right here, so it never reaches main; main checks again.
 * Listeners get the event payload only, never Electron's event object.
 */
export function createPreloadApi(
  role: Role,
  allowed: readonly string[],
  ports: PreloadPorts,
): PreloadApi {
  const allowedSet = new Set(allowed);
  return {
    role,
    invoke(command, input) {
      if (typeof command !== 'string' || !allowedSet.has(command))
        return Promise.resolve(
          fail('forbidden', `The ${role} window may not call ${String(command).slice(0, 64)}`),
        );
      return ports.invoke(command, input);
    },
    on(event, listener) {
      if (typeof event !== 'string' || typeof listener !== 'function') return () => undefined;
      return ports.subscribe((name, payload) => {
        if (name === event) listener(payload);
      });
    },
  };
}
