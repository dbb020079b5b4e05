import { nameWarnings } from './layout/labels';
import type { ReviewWarning } from '../contract/order';
import {
  captureAndRead,
  failed,
  type CaptureFn,
  type OrderReader,
  type ReadOrder,
} from './read-result';
import { parseRows, type DraftOrder } from './parse-order';
import { encodePgm } from './pgm';
import { preprocessRegion, type Preprocessed, type Rect } from './preprocess';
import { rereadCells } from './reread';
import { readChineseNames } from './chinese-names';
import { findColumnSplit, numbersSideReadable, readSplit } from './split-read';
import { warmUpImage } from './warm-up';
import { rereadRows, suspectRows } from './rescue';
import {
  applyRereads,
  arithmeticWarnings,
  confirmationWarnings,
  doubtfulCells,
  numericCells,
  repairSymbolSlips,
} from './review';
import { CJK, pageToRows, type Row } from './rows';
import type { OcrLanguage } from './traineddata';
import { createWorkerPool, type WorkerPool } from './worker-pool';

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

/** A blank row band near the middle, where the region can be cut in two without cutting text. */
function blankRowNearMiddle(p: Preprocessed): number | null {
  const blank = (y: number) => {
    const start = y * p.width;
    for (let i = start; i < start + p.width; i++) if (p.pixels[i]! < 160) return false;
    return true;
  };
  const mid = p.height >> 1;
  for (let d = 0; d < p.height / 4; d++) {
    for (const y of [mid - d, mid + d]) if (y > 0 && y < p.height && blank(y)) return y;
  }
  return null;
}

async function ocrRows(pool: WorkerPool, p: Preprocessed, parallel: boolean): Promise<Row[]> {
  const cut = parallel && p.height > 200 ? blankRowNearMiddle(p) : null;
  if (cut === null) return pageToRows(await pool.recognize({ image: p.image }));
  const a = encodePgm(p.pixels, p.width, p.height, 0, cut);
  const b = encodePgm(p.pixels, p.width, p.height, cut);
  const [pa, pb] = await Promise.all([pool.recognize({ image: a }), pool.recognize({ image: b })]);
  return [...pageToRows(pa), ...pageToRows(pb, cut)];
}

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

/**
 * Starts a warm tesseract.js pool and returns a reader: `readImage` reads a PNG (optionally a
 * region of it), `readScreen` captures the region first. The result is `ok` only when every
 * number checks (line arithmetic, Σ = total, doubtful cells confirmed by a digit-only re-read);
 * otherwise `needs_review` with warnings naming the cells. Never throws for bad input.
 */
export function createTesseractReader(options: TesseractReaderOptions = {}): OrderReader {
  const currency = options.currency ?? 'CNY';
  const workers = options.workers ?? 2;
  const pool =
    options.pool ??
    createWorkerPool({
      languages: options.languages ?? ['eng', 'chi_sim'],
      workers,
      recycleAfter: options.recycleAfter ?? 200,
    });
  const numbersPool =
    options.splitColumns === false
      ? null
      : (options.numbersPool ??
        createWorkerPool({
          languages: ['eng'],
          workers: 1,
          recycleAfter: options.recycleAfter ?? 200,
          engine: 'legacy',
        }));
  // Names on a Chinese screen that the eng+chi_sim LSTM took for Latin look-alikes (香蕉 as "EE")
  // are read again by a chi_sim-only worker; see readChineseNames.
  const namesPool =
    (options.languages ?? ['eng', 'chi_sim']).includes('chi_sim') && options.chineseNames !== false
      ? (options.namesPool ??
        createWorkerPool({
          languages: ['chi_sim'],
          workers: 1,
          recycleAfter: options.recycleAfter ?? 200,
        }))
      : null;
  // Whether this region's number side is plain Latin text the legacy engine reads: false once
  // it came back with letters it could not read (a Chinese header such as 数量 单价 金额), true
  // again after a whole read with no Chinese in it. The POS does not change language per order.
  let numbersSideLatin = true;

  /** Parse rows, check them, and confirm doubtful cells with a digit-only re-read. */
  const review = async (
    p: Preprocessed,
    rows: Row[],
  ): Promise<{ draft: DraftOrder; warnings: ReviewWarning[] }> => {
    let draft = parseRows(rows, currency);
    let arithmetic = arithmeticWarnings(draft, currency);
    const broken = arithmetic.length > 0 && draft.lines.length > 0 && draft.total !== null;
    const toRead = broken ? numericCells(draft) : doubtfulCells(draft);
    let confirm: ReviewWarning[] = [];
    if (toRead.length > 0) {
      try {
        const cells = toRead.map((u) => u.cell);
        const texts = await rereadCells(pool, p.pixels, p.width, p.height, cells);
        if (broken) {
          // The digit-only reading, then the same with symbol slips undone: each is taken
          // only if the whole order then checks.
          const reread = applyRereads(draft, texts, currency);
          for (const alt of [reread, repairSymbolSlips(reread, currency)]) {
            const altWarnings = arithmeticWarnings(alt, currency);
            if (altWarnings.length === 0) {
              draft = alt;
              arithmetic = altWarnings;
              break;
            }
          }
        }
        confirm = confirmationWarnings(doubtfulCells(draft), texts, currency);
      } catch (error) {
        confirm = [
          { code: 'reread_failed', message: `Second read failed: ${(error as Error).message}` },
        ];
      }
    }
    return { draft, warnings: [...draft.warnings, ...arithmetic, ...confirm] };
  };

  /** One full read at a given text height: preprocess, OCR, parse, confirm. */
  const attempt = async (
    png: Buffer,
    region: Rect | undefined,
    targetTextHeight: number,
    timings: Record<string, number>,
    pass: '' | '2',
    split = true,
  ): Promise<
    { draft: DraftOrder; warnings: ReviewWarning[]; pre: Preprocessed } | { error: string }
  > => {
    let suffix: string = pass;
    const lap = (name: string, since: number) => {
      timings[name + suffix] = Math.round(performance.now() - since);
      return performance.now();
    };
    let t = performance.now();
    const pre = await preprocessRegion(png, region, { targetTextHeight }).catch((e: Error) => ({
      ok: false as const,
      error: e.message,
    }));
    t = lap('preprocess', t);
    if (!pre.ok) return { error: `Cannot read the region: ${pre.error}` };
    const p = pre.value;
    const cut =
      numbersPool && numbersSideLatin && split && suffix === '' ? findColumnSplit(p) : null;
    if (numbersPool && cut !== null) {
      try {
        const rows = await readSplit(pool, numbersPool, p, cut);
        t = lap('ocr', t);
        numbersSideLatin = numbersSideReadable(rows, cut);
        const checked = await review(p, rows);
        t = lap('check', t);
        if (checked.warnings.length === 0) return { ...checked, pre: p };
      } catch {
        // fall through to the whole read
      }
      suffix = 'Whole';
    }
    let rows: Row[];
    try {
      rows = await ocrRows(pool, p, workers > 1);
    } catch (error) {
      return { error: `OCR failed: ${(error as Error).message}` };
    }
    t = lap('ocr', t);
    if (!rows.some((r) => CJK.test(r.text))) numbersSideLatin = true;
    const first = await review(p, rows);
    lap('check', t);
    if (first.warnings.length === 0 || first.draft.lines.length === 0) return { ...first, pre: p };
    // Rows that did not read right get read again one by one; taken only if all then checks.
    const suspects = suspectRows(rows, first.draft, first.warnings);
    if (suspects.length === 0 || suspects.length > 4) return { ...first, pre: p };
    t = performance.now();
    try {
      const again = await review(p, await rereadRows(pool, p, rows, suspects));
      lap('rows', t);
      return { ...(again.warnings.length === 0 ? again : first), pre: p };
    } catch {
      return { ...first, pre: p };
    }
  };

  const readImage = async (
    png: Buffer,
    region?: Rect,
    extra: Record<string, number> = {},
    split = true,
  ): Promise<ReadOrder> => {
    const timings: Record<string, number> = { ...extra };
    const t0 = performance.now();
    const height = options.targetTextHeight ?? 32;
    const first = await attempt(png, region, height, timings, '', split);
    if ('error' in first) return failed(currency, first.error, timings);
    let result = first;
    // A read that does not check gets one second opinion at another scale: tesseract's digit
    // slips differ between scales. It is taken only if everything checks there; otherwise the
    // first read's warnings stand (they name the cells as first read).
    if (first.warnings.length > 0 && first.draft.lines.length > 0 && options.secondPass !== false) {
      const second = await attempt(png, region, Math.round(height * 1.35), timings, '2');
      if (!('error' in second) && second.warnings.length === 0) result = second;
    }
    if (namesPool) {
      const t = performance.now();
      result = { ...result, draft: await readChineseNames(namesPool, result.pre, result.draft) };
      const spent = Math.round(performance.now() - t);
      if (spent > 0) timings.names = spent;
    }
    timings.total = Math.round(performance.now() - t0 + (extra.capture ?? 0));
    return toOutput(result.draft, currency, result.warnings, timings);
  };

  return {
    readImage: (png, region) => readImage(png, region),
    readScreen: (region) => captureAndRead(options.capture, currency, region, readImage),
    async warmUp() {
      const t0 = performance.now();
      // The warm-up picture must not teach the reader anything about the real screen.
      const latin = numbersSideLatin;
      try {
        const png = await warmUpImage();
        numbersSideLatin = true;
        await readImage(png, undefined, {}, true);
        await readImage(png, undefined, {}, false);
        await namesPool?.recognize({ image: png });
        return { ok: true as const, ms: Math.round(performance.now() - t0) };
      } catch (error) {
        return { ok: false as const, error: (error as Error).message };
      } finally {
        numbersSideLatin = latin;
      }
    },
    async close() {
      if (!options.pool) await pool.close();
      if (numbersPool && !options.numbersPool) await numbersPool.close();
      if (namesPool && !options.namesPool) await namesPool.close();
    },
  };
}
