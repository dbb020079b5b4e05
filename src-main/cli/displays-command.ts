import { parseArgs } from 'node:util';
import { createPairingRegistry, pairedDisplaysFile } from '../station/pairing';
import { defaultDataDir } from '../config/load-config';
import { UsageError, writeJsonLine, type CliIo } from './command';

const HELP = `Usage: countersign displays [list | revoke ID] [--data-dir DIR]

Lists the customer displays paired with this station (one JSON line each: id, name, pairedAt),
or revokes one: its token is refused from now on, and a running station closes its connections
within a second.
`;

/** `countersign displays`: list or revoke paired customer displays. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const [action = 'list', id, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`unexpected '${extra[0]}'`);
  const registry = createPairingRegistry(
    pairedDisplaysFile(values['data-dir'] ?? defaultDataDir()),
  );
  try {
    if (action === 'list') {
      if (id !== undefined) throw new UsageError(`'list' takes no argument`);
      for (const display of registry.devices()) writeJsonLine(io.stdout, display);
      return 0;
    }
    if (action !== 'revoke') throw new UsageError(`unknown action '${action}' (list or revoke)`);
    if (!id) throw new UsageError('revoke needs the id of a display (see countersign displays)');
    const result = registry.revoke(id);
    if (!result.ok) {
      io.stderr.write(`countersign displays: ${result.error.message}\n`);
      return 1;
    }
    writeJsonLine(io.stdout, { event: 'revoked', id });
    return 0;
  } finally {
    registry.close();
  }
}
