import type { Role } from '../contract/commands';
import { fail, type Result } from '../contract/result';
import { senderRole, type SenderFacts, type WindowRegistry } from './window-registry';

/** The one thing the bridge needs from the station core. */
export type Dispatch = (role: Role, command: string, input: unknown) => Promise<Result<unknown>>;

/** Anything the bridge logs: refusals and station failures. */
export type BridgeLog = (level: 'warn' | 'error', message: string) => void;

/**
 * Handles one 'countersign:invoke' call: checks the sender, then hands the call to the
 * station, which validates the command and input and checks the role itself. Never throws:
 * whatever happens, the window gets a Result, so a bad call cannot reject into the page.
 */
export async function dispatchFromSender(
  registry: WindowRegistry,
  facts: SenderFacts,
  command: unknown,
  input: unknown,
  dispatch: Dispatch,
  log: BridgeLog,
): Promise<Result<unknown>> {
  const sender = senderRole(registry, facts);
  if (!sender.ok) {
    log('warn', `IPC refused: ${sender.error}`);
    return fail('forbidden', 'This window may not call the station');
  }
  if (typeof command !== 'string' || command.length === 0 || command.length > 64)
    return fail('unknown_command', 'The command name must be a string of 1–64 characters');
  try {
    return await dispatch(sender.value, command, input);
  } catch (error) {
    log(
      'error',
      `station failed on ${command}: ${error instanceof Error ? error.stack : String(error)}`,
    );
    return fail('internal', `The station failed on ${command}`);
  }
}
