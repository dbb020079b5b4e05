/** What every `countersign` sub-command module exports. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
}

/** A sub-command: parses its own argv and returns the process exit code. */
export interface CliCommand {
  run(argv: string[], io: CliIo): Promise<number>;
}

/** Thrown by argument parsing; main prints the message and exits 2 (usage error). */
export class UsageError extends Error {}

/** Writes one JSON value as a line, the CLI's machine-readable output format. */
export function writeJsonLine(out: NodeJS.WritableStream, value: unknown): void {
  out.write(`${JSON.stringify(value)}\n`);
}
