import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseRegionArg } from '../capture/region';
import { createOrderReader, type OrderReader } from '../ocr/order-reader';
import { OCR_LANGUAGES, type OcrLanguage } from '../ocr/traineddata';
import { UsageError, writeJsonLine, type CliIo } from './command';
import { startProgress } from './progress';

const HELP = `Usage: countersign ocr IMAGE [--region x,y,w,h] [--currency CNY] [--engine paddle|tesseract]
                       [--lang eng+chi_sim] [--workers N]   (the last two: tesseract only)
       countersign ocr --batch [--currency …] [--engine …]  < jobs.jsonl

Reads the order off a POS screenshot and prints one JSON object:
  {"image", "status": "ok"|"needs_review", "currency", "lines", "adjustments", "total",
   "warnings", "timings"}   (money in integer minor units: ¥12.80 → 1280)
--batch reads JSON Lines {"image": PATH, "region": {"x","y","width","height"}} on stdin and
prints one object per line, in order, with one warm OCR worker pool for the whole batch.
`;

const batchLineSchema = z
  .object({
    image: z.string().min(1),
    region: z
      .object({
        x: z.number().int().min(0),
        y: z.number().int().min(0),
        width: z.number().int().min(1),
        height: z.number().int().min(1),
      })
      .optional(),
  })
  .strict();

function parseLangs(text: string): OcrLanguage[] {
  const langs = text.split('+');
  for (const l of langs) {
    if (!(OCR_LANGUAGES as readonly string[]).includes(l)) {
      throw new UsageError(`--lang takes ${OCR_LANGUAGES.join(', ')} joined by +, got "${l}"`);
    }
  }
  return langs as OcrLanguage[];
}

async function readOne(
  reader: OrderReader,
  currency: string,
  image: string,
  region?: z.infer<typeof batchLineSchema>['region'],
) {
  let png: Buffer;
  try {
    png = await readFile(image);
  } catch (error) {
    return {
      image,
      status: 'needs_review' as const,
      currency,
      lines: [],
      adjustments: [],
      total: null,
      warnings: [
        { code: 'unreadable', message: `cannot read ${image}: ${(error as Error).message}` },
      ],
      timings: {},
    };
  }
  return { image, ...(await reader.readImage(png, region)) };
}

/** `countersign ocr`: a screenshot (or a batch of them) to order JSON. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      region: { type: 'string' },
      lang: { type: 'string', default: 'eng+chi_sim' },
      currency: { type: 'string', default: 'CNY' },
      engine: { type: 'string', default: 'paddle' },
      batch: { type: 'boolean', default: false },
      workers: { type: 'string', default: '2' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const languages = parseLangs(values.lang);
  if (!/^[A-Z]{3}$/.test(values.currency))
    throw new UsageError('--currency is an ISO 4217 code such as CNY');
  if (!/^[1-4]$/.test(values.workers)) throw new UsageError('--workers is 1 to 4');
  if (!values.batch && positionals.length !== 1)
    throw new UsageError('give one IMAGE (or --batch)');
  const region = values.region ? parseRegionArg(values.region) : undefined;
  if (values.region && !region)
    throw new UsageError(`--region must be x,y,width,height, got "${values.region}"`);
  if (values.engine !== 'paddle' && values.engine !== 'tesseract')
    throw new UsageError(`--engine is paddle or tesseract, got "${values.engine}"`);
  const reader = createOrderReader({
    engine: values.engine,
    languages,
    currency: values.currency,
    workers: Number(values.workers),
  });
  // Starting the engine and reading take a while: a terminal is told, a pipe sees only JSON.
  const progress = startProgress(io.stderr);
  try {
    if (!values.batch) {
      progress.step(`reading ${positionals[0]!}`);
      const result = await readOne(reader, values.currency, positionals[0]!, region ?? undefined);
      progress.done();
      writeJsonLine(io.stdout, result);
      return 0;
    }
    let lineNo = 0;
    for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
      lineNo++;
      if (!line.trim()) continue;
      let job: z.infer<typeof batchLineSchema>;
      try {
        job = batchLineSchema.parse(JSON.parse(line));
      } catch (error) {
        const why =
          error instanceof z.ZodError
            ? error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ')
            : (error as Error).message;
        writeJsonLine(io.stdout, {
          line: lineNo,
          status: 'needs_review',
          warnings: [{ code: 'bad_job', message: `line ${lineNo}: ${why}` }],
        });
        continue;
      }
      progress.step(`line ${lineNo}: reading ${job.image}`);
      writeJsonLine(io.stdout, await readOne(reader, values.currency, job.image, job.region));
    }
    return 0;
  } finally {
    progress.done();
    await reader.close();
  }
}
