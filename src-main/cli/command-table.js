// The CLI's command list and help text, in plain JavaScript: `countersign --help` prints it
// without starting the TypeScript loader (~0.4 s), and main.ts loads commands from the same list.

/** Each sub-command and its one-line summary, in the order help lists them. */
export const COMMANDS = {
  code: 'classify payment codes (or --batch)',
  devices: 'list serial and HID devices',
  ocr: 'read the order off a POS screenshot (or --batch)',
  capture: 'grab a screen region to a PNG file',
  read: 'capture the calibrated region now and print the order',
  serve: 'run the station headless: both windows and the contract over HTTP/WebSocket',
  displays: 'list paired customer displays, or revoke one',
  sandbox: 'run the sandbox payment system on 127.0.0.1',
  face: 'enrol a face for a sandbox account from a photo',
  pay: 'take one payment through the orchestrator; prints the outcome',
  refund: 'refund part or all of a paid payment',
  report: 'the day report from the ledger (JSON, --csv, --html)',
  ledger: 'verify the ledger file and its journal',
  reconcile: "reconcile the ledger with the payment system's statement",
  provider: "check a real provider's credentials, sign, query an order, reconcile its bill",
  hq: 'run headquarters over PostgreSQL, administer it, or enrol this station with it',
  printer: 'check the receipt printer or print a test page',
};

/** True when the arguments ask for the general help (nothing, --help, -h, help). */
export function wantsHelp(argv) {
  const [name] = argv;
  return !name || name === '--help' || name === '-h' || name === 'help';
}

/** The general help text. */
export function usage() {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const rows = Object.entries(COMMANDS)
    .map(([name, summary]) => `  ${name.padEnd(width)}  ${summary}`)
    .join('\n');
  return `Usage: countersign <command> [options]\n\nCommands:\n${rows}\n\nMoney, typed and printed, is in the currency's major unit: --amount 12.50 is 12 yuan 50 fen, and\nJSON answers say "amount":"12.50" with their "currency" and "unit":"major". Only ocr and read\nprint an order as the station holds it, in minor units (1250), and say so in their help.\nRun 'countersign <command> --help' for a command's options.\n`;
}
