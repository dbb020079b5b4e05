import {
  commands,
  events,
  type CommandInput,
  type CommandOutput,
  type EventName,
  type EventPayload,
  type Role,
  type RoleCommand,
} from './commands';
import { fail, type Result } from './result';

/**
 * How a window reaches main: Electron IPC through its preload, or a WebSocket. Both carry
 * unvalidated data; the client validates what comes back with the contract's schemas.
 */
export interface Transport {
  invoke(command: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/** What a preload exposes on `window.countersign`. */
export interface PreloadApi extends Transport {
  role: Role;
}

/** The typed client both windows use, whatever the transport. */
export interface ContractClient<R extends Role> {
  call<C extends RoleCommand<R>>(
    command: C,
    input: CommandInput<C>,
  ): Promise<Result<CommandOutput<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Wraps a transport in the typed, validating client. */
export function createContractClient<R extends Role>(transport: Transport): ContractClient<R> {
  return {
    async call(command, input) {
      let raw: unknown;
      try {
        raw = await transport.invoke(command, input);
      } catch (error) {
        return fail(
          'unavailable',
          `The station did not answer: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      if (!raw || typeof raw !== 'object' || !('ok' in raw))
        return fail('internal', 'The station sent a malformed reply');
      const result = raw as Result<unknown>;
      if (!result.ok) return result as Result<never>;
      const parsed = commands[command].output.safeParse(result.value);
      if (!parsed.success)
        return fail('internal', `The station's reply to ${command} did not match the contract`);
      return { ok: true, value: parsed.data as CommandOutput<typeof command> };
    },
    on(event, listener) {
      return transport.on(event, (payload) => {
        const parsed = events[event].safeParse(payload);
        // A payload that fails the contract is dropped rather than rendered half-right.
        if (parsed.success) listener(parsed.data as EventPayload<typeof event>);
      });
    },
  };
}
