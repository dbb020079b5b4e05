import { parseArgs } from 'node:util';
import { captureRegion } from '../capture/capture';
import { parseRegionArg, type CaptureRegion } from '../capture/region';
import { defaultDataDir, loadConfig } from '../config/load-config';
import { createOrderReader } from '../ocr/order-reader';
import { UsageError, writeJsonLine, type CliIo } from './command';
import { startProgress } from './progress';

const HELP = `Usage: countersign read [--region x,y,w,h] [--display N] [--data-dir DIR]

Captures the calibrated order region now (config capture.region, or --region) and prints the
order as one JSON object, like 'countersign ocr'.
`;

/** `countersign read`: capture the calibrated region, OCR it, print the order. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      region: { type: 'string' },
      display: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const config = loadConfig(values['data-dir'] ?? defaultDataDir());
  let region: CaptureRegion | null = config.capture.region;
  if (values.region) {
    region = parseRegionArg(values.region, Number(values.display));
    if (!region) throw new UsageError(`--region must be x,y,width,height, got "${values.region}"`);
  }
  if (!region)
    throw new UsageError('no order region: calibrate it (config capture.region) or pass --region');
  const backend = config.capture.backend;
  const reader = createOrderReader({
    engine: config.ocr.engine,
    languages: config.ocr.languages,
    workers: config.ocr.workers,
    recycleAfter: config.ocr.recycleAfter,
    splitColumns: config.ocr.splitColumns,
    currency: config.currency,
    capture: (r) => captureRegion(r, backend),
  });
  // Starting the OCR engine and reading take seconds: say so on a terminal.
  const progress = startProgress(io.stderr);
  progress.step('capturing the region and reading the order');
  try {
    const read = await reader.readScreen(region).finally(() => progress.done());
    writeJsonLine(io.stdout, { region, ...read });
    return 0;
  } finally {
    await reader.close();
  }
}
