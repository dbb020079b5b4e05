import type { Logger } from 'pino';
import {
  commands,
  type CommandArgs,
  type CommandName,
  type CommandOutput,
  type Role,
} from '../contract/commands';
import { describeIssues, fail, type Result } from '../contract/result';

/** The station's implementation of each command; input already validated. */
export type Handlers = {
  [C in CommandName]: (
    input: CommandArgs<C>,
    caller: { role: Role },
  ) => Promise<Result<CommandOutput<C>>> | Result<CommandOutput<C>>;
};

export type Dispatch = (role: Role, command: string, input: unknown) => Promise<Result<unknown>>;

/**
 * The one entry point for every command, whatever the transport (Electron IPC, WebSocket):
 * unknown commands and wrong roles are refused, input is validated with the command's zod
 * schema, and a handler that throws becomes an `internal` error instead of crossing the boundary.
 */
export function createDispatcher(handlers: Handlers, logger?: Logger): Dispatch {
  return async (role, command, input) => {
    if (!Object.hasOwn(commands, command))
      return fail('unknown_command', `There is no command '${String(command).slice(0, 64)}'`);
    const name = command as CommandName;
    const spec = commands[name];
    if (!(spec.roles as readonly Role[]).includes(role)) {
      logger?.warn({ role, command }, 'refused a command outside the caller role');
      return fail('forbidden', `The ${role} display may not call ${name}`);
    }
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = describeIssues(parsed.error);
      return fail('invalid_input', `Invalid input for ${name}: ${issues[0]}`, issues);
    }
    try {
      const handler = handlers[name] as (
        i: unknown,
        c: { role: Role },
      ) => Promise<Result<unknown>> | Result<unknown>;
      return await handler(parsed.data, { role });
    } catch (error) {
      logger?.error({ err: error, command: name }, 'command failed');
      return fail('internal', `The station could not complete ${name}; see the station log`);
    }
  };
}
