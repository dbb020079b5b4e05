import sharp from 'sharp';
import { readOrderFromBoxes } from './layout/read-order-layout';
import { mergeSecondLook } from './second-look';
import { createPaddleEngine, type PaddleEngine } from './paddle/paddle-engine';
import { checkRegion, type Rect } from './preprocess';
import {
  captureAndRead,
  failed,
  type CaptureFn,
  type OrderReader,
  type ReadOrder,
} from './read-result';
import { warmUpImage } from './warm-up';

/** Options of {@link createPaddleReader}. */
export interface PaddleReaderOptions {
  currency?: string;
  /** Capture port for readScreen (default: none; readScreen then reports an error). */
  capture?: CaptureFn;
  /** Threads per inference. */
  threads?: number;
  /** Longest side of the image the text detector sees. */
  maxSide?: number;
}

// More text boxes than any order region holds: noise, a photo, or the wrong region.
const MAX_BOXES = 600;
// Larger than any order region (a 4K screen is 8.3 M px); decoding it would cost ~100 MB a read.
const MAX_PIXELS = 16_000_000;
// A second look at missing cells is for a few lines, not a whole unreadable table.
const MAX_REREADS = 40;

/**
 * An order reader on PaddleOCR: the region is cropped, the engine finds and reads every text
 * line in it, and the layout reader finds the order by geometry and arithmetic (see
 * `layout/`). The engine starts once, in the background; reads wait for it. Never throws for
 * bad input: a picture it cannot read is a `needs_review` with the reason.
 */
export function createPaddleReader(options: PaddleReaderOptions = {}): OrderReader {
  const currency = options.currency ?? 'CNY';
  const engine: Promise<PaddleEngine> = createPaddleEngine({
    threads: options.threads,
    maxSide: options.maxSide,
  });
  // A failed start is reported by each read, not as an unhandled rejection.
  engine.catch(() => undefined);

  const readImage = async (
    png: Buffer,
    region?: Rect,
    extra: Record<string, number> = {},
  ): Promise<ReadOrder> => {
    const timings: Record<string, number> = { ...extra };
    const t0 = performance.now();
    let crop: { data: Buffer; width: number; height: number };
    try {
      const meta = await sharp(png).metadata();
      const r = checkRegion(meta.width ?? 0, meta.height ?? 0, region);
      if (!r.ok) return failed(currency, `Cannot read the region: ${r.error}`, timings);
      if (r.value.width * r.value.height > MAX_PIXELS) {
        return failed(
          currency,
          `Cannot read the region: ${r.value.width}×${r.value.height} is too large to be an order; calibrate the order region`,
          timings,
        );
      }
      const { data, info } = await sharp(png)
        .extract({ left: r.value.x, top: r.value.y, width: r.value.width, height: r.value.height })
        .removeAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      crop = { data, width: info.width, height: info.height };
    } catch (error) {
      return failed(
        currency,
        `Cannot read the region: not a readable image (${(error as Error).message})`,
        timings,
      );
    }
    let t = performance.now();
    timings.crop = Math.round(t - t0);
    let boxes;
    try {
      boxes = await (await engine).read({ ...crop, channels: 3 }, MAX_BOXES);
    } catch (error) {
      return failed(currency, `OCR failed: ${(error as Error).message}`, timings);
    }
    timings.ocr = Math.round(performance.now() - t);
    if (boxes.length > MAX_BOXES) {
      return failed(
        currency,
        `The region holds ${boxes.length} pieces of text, more than any order: check the calibration`,
        timings,
      );
    }
    t = performance.now();
    let { missing, ...order } = readOrderFromBoxes(boxes, currency);
    timings.parse = Math.round(performance.now() - t);
    if (order.status !== 'ok' && missing.length > 0 && missing.length <= MAX_REREADS) {
      // Quantities the header promises but detection missed or read with doubt (digits in
      // input boxes and steppers): those places get a second, closer look, as digits only
      // (see second-look.ts for what is taken from it).
      t = performance.now();
      try {
        const second = await (
          await engine
        ).readRegions({ ...crop, channels: 3 }, missing, { digits: true });
        const again = readOrderFromBoxes(mergeSecondLook(boxes, second), currency);
        if (again.warnings.length < order.warnings.length) ({ missing, ...order } = again);
      } catch {
        // the first reading stands
      }
      timings.reread = Math.round(performance.now() - t);
    }
    timings.total = Math.round(performance.now() - t0 + (extra.capture ?? 0));
    return { ...order, timings };
  };

  return {
    readImage: (png, region) => readImage(png, region),
    readScreen: (region) => captureAndRead(options.capture, currency, region, readImage),
    async warmUp() {
      const t0 = performance.now();
      try {
        await readImage(await warmUpImage());
        return { ok: true as const, ms: Math.round(performance.now() - t0) };
      } catch (error) {
        return { ok: false as const, error: (error as Error).message };
      }
    },
    async close() {
      await (await engine.catch(() => null))?.close();
    },
  };
}
