/** Each sub-command and its one-line summary, in the order help lists them. */
export declare const COMMANDS: {
  readonly code: string;
  readonly devices: string;
  readonly ocr: string;
  readonly capture: string;
  readonly read: string;
  readonly serve: string;
  readonly displays: string;
  readonly sandbox: string;
  readonly face: string;
  readonly pay: string;
  readonly refund: string;
  readonly report: string;
  readonly ledger: string;
  readonly reconcile: string;
  readonly provider: string;
  readonly hq: string;
  readonly printer: string;
};
export type CommandName = keyof typeof COMMANDS;
/** True when the arguments ask for the general help (nothing, --help, -h, help). */
export declare function wantsHelp(argv: readonly string[]): boolean;
/** The general help text. */
export declare function usage(): string;
