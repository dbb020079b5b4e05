import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  captureDisplay,
  captureRegion,
  listDisplays,
  type BackendChoice,
} from '../capture/capture';
import { parseRegionArg } from '../capture/region';
import { UsageError, writeJsonLine, type CliIo } from './command';

const HELP = `Usage: countersign capture --region x,y,w,h [--display N] --out FILE.png [--backend B]
       countersign capture --full [--display N] --out FILE.png
       countersign capture --list

Grabs a screen region (physical pixels of display N, default 0) into a PNG file.
  --backend B   auto (default), native, node-screenshots or screenshot-desktop
Prints one JSON line: {"out", "width", "height", "ms", "backend"} or {"displays": [...]}.
`;

const BACKENDS = ['auto', 'native', 'node-screenshots', 'screenshot-desktop'];

/** `countersign capture`: one region (or display) to a PNG file. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      region: { type: 'string' },
      display: { type: 'string', default: '0' },
      out: { type: 'string' },
      backend: { type: 'string', default: 'auto' },
      full: { type: 'boolean', default: false },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (!BACKENDS.includes(values.backend))
    throw new UsageError(`--backend must be one of ${BACKENDS.join(', ')}`);
  const backend = values.backend as BackendChoice;
  if (values.list) {
    const list = await listDisplays(backend);
    if (!list.ok) {
      io.stderr.write(`countersign capture: ${list.error}\n`);
      return 1;
    }
    writeJsonLine(io.stdout, { displays: list.value });
    return 0;
  }
  if (!/^\d{1,2}$/.test(values.display))
    throw new UsageError('--display is a display index such as 0');
  const display = Number(values.display);
  if (!values.out) throw new UsageError('--out FILE.png is required');
  let region = null;
  if (!values.full) {
    if (!values.region) throw new UsageError('--region x,y,w,h (or --full) is required');
    region = parseRegionArg(values.region, display);
    if (!region)
      throw new UsageError(
        `--region must be x,y,width,height in whole pixels, got "${values.region}"`,
      );
  }
  const t0 = performance.now();
  const shot = region
    ? await captureRegion(region, backend)
    : await captureDisplay(display, backend);
  const ms = Math.round(performance.now() - t0);
  if (!shot.ok) {
    io.stderr.write(`countersign capture: ${shot.error}\n`);
    return 1;
  }
  writeFileSync(values.out, shot.value);
  const sharp = (await import('sharp')).default;
  const meta = await sharp(shot.value).metadata();
  writeJsonLine(io.stdout, {
    out: values.out,
    width: meta.width,
    height: meta.height,
    ms,
    backend,
  });
  return 0;
}
