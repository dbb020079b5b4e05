#!/usr/bin/env node
// The `countersign` command. It runs the TypeScript sources through tsx so the CLI works right
// after `npm install`, with no build step and no Electron binary. Help needs no TypeScript, so it
// answers before the loader starts.
import { usage, wantsHelp } from './command-table.js';

const argv = process.argv.slice(2);
if (wantsHelp(argv)) {
  process.stdout.write(usage());
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('./main.ts');
  process.exitCode = await main(argv);
}
