import { preprocessRegion, type Preprocessed, type Rect } from '../preprocess';
import { rereadRows, suspectRows } from '../rescue';
import type { Row } from '../rows';
import { readSplit } from '../split-read';
import { ocrRows } from './ocr-rows';
import type { TesseractPools } from './pools';
import { reviewRead, type Reviewed } from './review-read';
import type { SplitChoice } from './split-choice';

/** What one read needs from its reader: the pools, the currency, what reads so far taught. */
export interface AttemptContext {
  pools: TesseractPools;
  currency: string;
  /** Whether the main pool has workers to read two halves of a tall region at once. */
  parallel: boolean;
  splitChoice: SplitChoice;
}

/** A read checked, with the preprocessed region it was read from. */
export type CheckedRead = Reviewed & { pre: Preprocessed };

/** A checked read, or why there is none. */
export type Attempt = CheckedRead | { error: string };

/**
 * Times the steps of a read into `timings` as `<step><suffix>` (suffix '' for the first pass,
 * '2' for the second, 'Whole' for a whole read after a split read that did not check).
 */
class Laps {
  private since = performance.now();
  private readonly timings: Record<string, number>;
  suffix: string;
  constructor(timings: Record<string, number>, suffix: string) {
    this.timings = timings;
    this.suffix = suffix;
  }
  /** Records the time since the last lap (or restart) as `name`. */
  lap(name: string): void {
    this.timings[name + this.suffix] = Math.round(performance.now() - this.since);
    this.since = performance.now();
  }
  /** Starts timing afresh (what came since the last lap is not a step). */
  restart(): void {
    this.since = performance.now();
  }
}

/**
 * One full read at a given text height: preprocess, OCR (split into name and number sides
 * when that is wanted and checks, else whole), parse, confirm, and a rescue of rows that did
 * not read right. `pass` '2' is a second opinion at another scale; it is never read split.
 */
export async function readAttempt(
  ctx: AttemptContext,
  png: Buffer,
  region: Rect | undefined,
  targetTextHeight: number,
  timings: Record<string, number>,
  pass: '' | '2',
  split = true,
): Promise<Attempt> {
  const laps = new Laps(timings, pass);
  const pre = await preprocessRegion(png, region, { targetTextHeight }).catch((e: Error) => ({
    ok: false as const,
    error: e.message,
  }));
  laps.lap('preprocess');
  if (!pre.ok) return { error: `Cannot read the region: ${pre.error}` };
  const p = pre.value;
  const numbers = ctx.pools.numbers;
  const cut = numbers && split && pass === '' ? ctx.splitChoice.cut(p) : null;
  if (numbers && cut !== null) {
    const checked = await splitRead(ctx, numbers, p, cut, laps);
    if (checked) return { ...checked, pre: p };
    laps.suffix = 'Whole';
  }
  return wholeRead(ctx, p, laps);
}

/** Names by the LSTM, numbers by the legacy engine: the read if it checks, else null. */
async function splitRead(
  ctx: AttemptContext,
  numbers: NonNullable<TesseractPools['numbers']>,
  p: Preprocessed,
  cut: number,
  laps: Laps,
): Promise<Reviewed | null> {
  try {
    const rows = await readSplit(ctx.pools.main, numbers, p, cut);
    laps.lap('ocr');
    ctx.splitChoice.learnFromSplit(rows, cut);
    const checked = await reviewRead(ctx.pools.main, ctx.currency, p, rows);
    laps.lap('check');
    if (checked.warnings.length === 0) return checked;
  } catch {
    // read it whole instead
  }
  return null;
}

/** The whole region by the LSTM, checked, then its doubtful rows rescued if they can be. */
async function wholeRead(ctx: AttemptContext, p: Preprocessed, laps: Laps): Promise<Attempt> {
  let rows: Row[];
  try {
    rows = await ocrRows(ctx.pools.main, p, ctx.parallel);
  } catch (error) {
    return { error: `OCR failed: ${(error as Error).message}` };
  }
  laps.lap('ocr');
  ctx.splitChoice.learnFromWhole(rows);
  const first = await reviewRead(ctx.pools.main, ctx.currency, p, rows);
  laps.lap('check');
  if (first.warnings.length === 0 || first.draft.lines.length === 0) return { ...first, pre: p };
  return { ...(await rescueRows(ctx, p, rows, first, laps)), pre: p };
}

/**
 * Rows that did not read right get read again one by one; the result is taken only if all
 * then checks, else the first read stands.
 */
async function rescueRows(
  ctx: AttemptContext,
  p: Preprocessed,
  rows: Row[],
  first: Reviewed,
  laps: Laps,
): Promise<Reviewed> {
  const suspects = suspectRows(rows, first.draft, first.warnings);
  if (suspects.length === 0 || suspects.length > 4) return first;
  laps.restart();
  try {
    const again = await reviewRead(
      ctx.pools.main,
      ctx.currency,
      p,
      await rereadRows(ctx.pools.main, p, rows, suspects),
    );
    laps.lap('rows');
    return again.warnings.length === 0 ? again : first;
  } catch {
    return first;
  }
}
