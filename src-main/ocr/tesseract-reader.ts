import type { ReviewWarning } from '../contract/order';
import { readChineseNames } from './chinese-names';
import { nameWarnings } from './layout/labels';
import type { DraftOrder } from './parse-order';
import type { Rect } from './preprocess';
import {
  captureAndRead,
  failed,
  type CaptureFn,
  type OrderReader,
  type ReadOrder,
} from './read-result';
import { startPools, type TesseractPools } from './tesseract/pools';
import { readAttempt, type AttemptContext, type CheckedRead } from './tesseract/read-attempt';
import { createSplitChoice, type SplitChoice } from './tesseract/split-choice';
import type { OcrLanguage } from './traineddata';
import { warmUpImage } from './warm-up';
import type { WorkerPool } from './worker-pool';

/** Options of {@link createTesseractReader}. */
export interface TesseractReaderOptions {
  languages?: readonly OcrLanguage[];
  /** Warm workers; 2 lets a tall region be read as two halves at once. */
  workers?: number;
  /** Jobs per worker before it is replaced. */
  recycleAfter?: number;
  currency?: string;
  /** Capture port for readScreen (default: none; readScreen then reports an error). */
  capture?: CaptureFn;
  /** Glyph height (px) small text is upscaled towards before OCR; see preprocessRegion. */
  targetTextHeight?: number;
  /** Re-read a region that does not check at a second scale (default true). */
  secondPass?: boolean;
  /**
   * Read a screen that splits into a name side and a number side with two engines at once:
   * names by the LSTM, numbers by tesseract's legacy engine (default true; see split-read.ts).
   * A read that does not check this way is read again whole by the LSTM.
   */
  splitColumns?: boolean;
  /**
   * Read again, with a chi_sim-only worker, line names on a Chinese screen that came out as
   * unsure Latin letters (default true when chi_sim is loaded).
   */
  chineseNames?: boolean;
  /** An existing chi_sim-only pool to share for those names (tests); not closed by close(). */
  namesPool?: WorkerPool;
  /** An existing legacy-engine pool to share for the number side (tests); not closed by close(). */
  numbersPool?: WorkerPool;
  /** An existing pool to share (e.g. in tests); it is not closed by close(). */
  pool?: WorkerPool;
}

/**
 * Starts a warm tesseract.js pool and returns a reader: `readImage` reads a PNG (optionally a
 * region of it), `readScreen` captures the region first. The result is `ok` only when every
 * number checks (line arithmetic, Σ = total, doubtful cells confirmed by a digit-only re-read);
 * otherwise `needs_review` with warnings naming the cells. Never throws for bad input.
 */
export function createTesseractReader(options: TesseractReaderOptions = {}): OrderReader {
  const currency = options.currency ?? 'CNY';
  const pools = startPools(options);
  const splitChoice = createSplitChoice();
  const ctx: AttemptContext = {
    pools,
    currency,
    parallel: (options.workers ?? 2) > 1,
    splitChoice,
  };

  const readImage: ReadImage = async (png, region, extra = {}, split = true) => {
    const timings: Record<string, number> = { ...extra };
    const t0 = performance.now();
    const height = options.targetTextHeight ?? 32;
    const first = await readAttempt(ctx, png, region, height, timings, '', split);
    if ('error' in first) return failed(currency, first.error, timings);
    let result = first;
    if (first.warnings.length > 0 && first.draft.lines.length > 0 && options.secondPass !== false) {
      result = await secondOpinion(ctx, png, region, height, timings, first);
    }
    if (pools.names) result = await withChineseNames(pools.names, result, timings);
    timings.total = Math.round(performance.now() - t0 + (extra.capture ?? 0));
    return toOutput(result.draft, currency, result.warnings, timings);
  };

  return {
    readImage: (png, region) => readImage(png, region),
    readScreen: (region) => captureAndRead(options.capture, currency, region, readImage),
    warmUp: () => warmUp(readImage, pools, splitChoice),
    close: () => pools.close(),
  };
}

/** The reader's one read: `extra` timings (the capture) to add in, `split` false for a whole read. */
type ReadImage = (
  png: Buffer,
  region?: Rect,
  extra?: Record<string, number>,
  split?: boolean,
) => Promise<ReadOrder>;

/**
 * A read that does not check gets one second opinion at another scale: tesseract's digit
 * slips differ between scales. It is taken only if everything checks there; otherwise the
 * first read's warnings stand (they name the cells as first read).
 */
async function secondOpinion(
  ctx: AttemptContext,
  png: Buffer,
  region: Rect | undefined,
  height: number,
  timings: Record<string, number>,
  first: CheckedRead,
): Promise<CheckedRead> {
  const second = await readAttempt(ctx, png, region, Math.round(height * 1.35), timings, '2');
  return !('error' in second) && second.warnings.length === 0 ? second : first;
}

/** Line names on a Chinese screen read as unsure Latin letters, read again in chi_sim alone. */
async function withChineseNames(
  names: WorkerPool,
  read: CheckedRead,
  timings: Record<string, number>,
): Promise<CheckedRead> {
  const t = performance.now();
  const draft = await readChineseNames(names, read.pre, read.draft);
  const spent = Math.round(performance.now() - t);
  if (spent > 0) timings.names = spent;
  return { ...read, draft };
}

/**
 * Reads the built-in picture split and whole, and once by the names pool, so every worker is
 * warm. The warm-up picture must not teach the reader anything about the real screen: what
 * the split choice knew before is put back.
 */
async function warmUp(
  readImage: ReadImage,
  pools: TesseractPools,
  splitChoice: SplitChoice,
): ReturnType<OrderReader['warmUp']> {
  const t0 = performance.now();
  const restore = splitChoice.remember();
  try {
    const png = await warmUpImage();
    splitChoice.forget();
    await readImage(png, undefined, {}, true);
    await readImage(png, undefined, {}, false);
    await pools.names?.recognize({ image: png });
    return { ok: true as const, ms: Math.round(performance.now() - t0) };
  } catch (error) {
    return { ok: false as const, error: (error as Error).message };
  } finally {
    restore();
  }
}

/** The checked draft as the reader's answer: `ok` only with no warning left. */
function toOutput(
  draft: DraftOrder,
  currency: string,
  warnings: ReviewWarning[],
  timings: Record<string, number>,
): ReadOrder {
  // A two-row receipt item read with its formula row as the name is not a line to confirm.
  warnings = [...warnings, ...nameWarnings(draft.lines)];
  return {
    status: warnings.length === 0 ? 'ok' : 'needs_review',
    currency,
    lines: draft.lines.map(({ id, name, quantity, unitPrice, amount }) => ({
      id,
      name,
      quantity,
      unitPrice,
      amount,
    })),
    adjustments: draft.adjustments.map(({ id, label, amount }) => ({ id, label, amount })),
    total: draft.total,
    warnings,
    timings,
  };
}
