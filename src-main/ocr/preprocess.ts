import { availableParallelism } from 'node:os';
import sharp, { type Metadata } from 'sharp';
import { encodePgm } from './pgm';

// On glibc Linux sharp defaults to one libvips thread (to limit heap fragmentation on
// servers). Preprocessing runs while the OCR workers wait, so it may use the cores: the
// 2.75× upscale of a 10-line region takes 25 ms on one thread, 14 ms on two.
if (sharp.concurrency() < 2) sharp.concurrency(Math.min(4, availableParallelism()));

/** A rectangle in image pixels. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The binarized region, ready for OCR, and what was decided on the way. */
export interface Preprocessed {
  /** 1-channel PGM of `pixels`, dark text on light paper, table rules erased. */
  image: Buffer;
  /** Raw 8-bit grey pixels of `png` (dark ink on light paper), for crops and re-reads. */
  pixels: Buffer;
  width: number;
  height: number;
  /** Upscale factor applied to the region. */
  scale: number;
  /** True when the region was light text on a dark background. */
  inverted: boolean;
  /** Median height of a text line in `pixels` (after the upscale); 0 when no text was seen. */
  lineHeight: number;
}

/** Why a region could not be preprocessed. */
export type PreprocessResult = { ok: true; value: Preprocessed } | { ok: false; error: string };

/** Otsu's threshold over a 256-bin histogram: the split that best separates ink from paper. */
export function otsuThreshold(histogram: number[], total: number): number {
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * histogram[i]!;
  let sumB = 0;
  let weightB = 0;
  let best = 0;
  let threshold = 127;
  for (let t = 0; t < 256; t++) {
    weightB += histogram[t]!;
    if (weightB === 0) continue;
    const weightF = total - weightB;
    if (weightF === 0) break;
    sumB += t * histogram[t]!;
    const meanB = sumB / weightB;
    const meanF = (sum - sumB) / weightF;
    const between = weightB * weightF * (meanB - meanF) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/**
 * Erases table rules: any row or column holding a run of ink longer than `fraction` of the
 * image. Glyphs never make runs that long, and tesseract reads ruled cells far worse than
 * bare text (it takes the rules for letters such as | and l).
 */
export function eraseRules(pixels: Buffer, width: number, height: number, fraction = 0.3): void {
  const minRow = Math.max(8, Math.floor(width * fraction));
  const minCol = Math.max(8, Math.floor(height * fraction));
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    let run = 0;
    let longest = 0;
    for (let x = 0; x < width; x++) {
      run = pixels[y * width + x]! === 0 ? run + 1 : 0;
      if (run > longest) longest = run;
    }
    if (longest >= minRow) rows.push(y);
  }
  const cols: number[] = [];
  for (let x = 0; x < width; x++) {
    let run = 0;
    let longest = 0;
    for (let y = 0; y < height; y++) {
      run = pixels[y * width + x]! === 0 ? run + 1 : 0;
      if (run > longest) longest = run;
    }
    if (longest >= minCol) cols.push(x);
  }
  // Dashed separators never make a long run, but they cover much of a row in a band only a
  // pixel or two high, which no text line does.
  let bandStart = -1;
  for (let y = 0; y <= height; y++) {
    let ink = 0;
    if (y < height) for (let x = 0; x < width; x++) if (pixels[y * width + x]! === 0) ink++;
    const dense = y < height && ink >= width * 0.35;
    if (dense && bandStart < 0) bandStart = y;
    if (!dense && bandStart >= 0) {
      if (y - bandStart <= 3) for (let r = bandStart; r < y; r++) rows.push(r);
      bandStart = -1;
    }
  }
  for (const y of rows) pixels.fill(255, y * width, (y + 1) * width);
  for (const x of cols) for (let y = 0; y < height; y++) pixels[y * width + x] = 255;
}

/** Median height of the bands of rows that hold ink: roughly the text line height. */
export function textLineHeight(pixels: Buffer, width: number, height: number): number {
  const bands: number[] = [];
  let start = -1;
  for (let y = 0; y <= height; y++) {
    let ink = false;
    if (y < height) {
      for (let x = 0; x < width; x++) {
        if (pixels[y * width + x]! === 0) {
          ink = true;
          break;
        }
      }
    }
    if (ink && start < 0) start = y;
    if (!ink && start >= 0) {
      if (y - start >= 3) bands.push(y - start);
      start = -1;
    }
  }
  if (bands.length === 0) return 0;
  bands.sort((a, b) => a - b);
  return bands[bands.length >> 1]!;
}

/**
 * Shortens every blank vertical band wider than `maxGap` to `maxGap`. Tesseract's LSTM pays for
 * every pixel of a text line, blank or not, and grid screens are mostly gaps between columns;
 * keeping `maxGap` above the cell-splitting distance leaves the columns apart.
 */
export function squeezeGaps(
  gray: Buffer,
  mask: Buffer,
  width: number,
  height: number,
  maxGap: number,
): { gray: Buffer; width: number } {
  const keep: number[] = [];
  let run = 0;
  for (let x = 0; x < width; x++) {
    let ink = false;
    for (let y = 0; y < height; y++) {
      if (mask[y * width + x]! === 0) {
        ink = true;
        break;
      }
    }
    run = ink ? 0 : run + 1;
    if (run <= maxGap) keep.push(x);
  }
  if (keep.length === width) return { gray, width };
  const out = Buffer.alloc(keep.length * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const dst = y * keep.length;
    for (let i = 0; i < keep.length; i++) out[dst + i] = gray[row + keep[i]!]!;
  }
  return { gray: out, width: keep.length };
}

/** Options: the target glyph height tesseract reads best, and the largest upscale allowed. */
export interface PreprocessOptions {
  targetTextHeight?: number;
  maxScale?: number;
}

/**
 * Crops the region out of a screenshot and turns it into black-on-white binary pixels:
 * grayscale, invert dark themes (decided by the median luminance), Otsu threshold, erase
 * table rules, then upscale small text so its height nears `targetTextHeight`.
 */
export async function preprocessRegion(
  image: Buffer,
  region: Rect | undefined,
  options: PreprocessOptions = {},
): Promise<PreprocessResult> {
  let meta: Metadata;
  try {
    meta = await sharp(image).metadata();
  } catch (error) {
    return { ok: false, error: `not a readable image (${(error as Error).message})` };
  }
  const checked = checkRegion(meta.width ?? 0, meta.height ?? 0, region);
  if (!checked.ok) return checked;
  const r = checked.value;
  const { data, info } = await sharp(image)
    .extract({ left: r.x, top: r.y, width: r.width, height: r.height })
    .grayscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  let width = info.width;
  const height = info.height;
  const channels = info.channels;
  let gray: Buffer = Buffer.alloc(width * height);
  const histogram = new Array<number>(256).fill(0);
  for (let i = 0; i < width * height; i++) {
    const v = data[i * channels]!;
    gray[i] = v;
    histogram[v]!++;
  }
  // The background is whatever most pixels are: dark background means a dark theme.
  let acc = 0;
  let medianLum = 0;
  for (let v = 0; v < 256; v++) {
    acc += histogram[v]!;
    if (acc * 2 >= width * height) {
      medianLum = v;
      break;
    }
  }
  const inverted = medianLum < 128;
  const t = otsuThreshold(histogram, width * height);
  // The binary mask finds rules and line height; tesseract itself gets the (inverted, stretched)
  // grey pixels, because a hard threshold on small anti-aliased text costs it digits.
  const mask = Buffer.alloc(gray.length);
  for (let i = 0; i < gray.length; i++) {
    const ink = inverted ? gray[i]! > t : gray[i]! <= t;
    mask[i] = ink ? 0 : 255;
  }
  const ruled = Buffer.from(mask);
  eraseRules(mask, width, height);
  let lo = 255;
  let hi = 0;
  for (let i = 0; i < gray.length; i++) {
    const v = inverted ? 255 - gray[i]! : gray[i]!;
    gray[i] = v;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const span = Math.max(1, hi - lo);
  for (let i = 0; i < gray.length; i++) {
    // Rule pixels become paper; the rest is stretched to the full 0–255 range.
    gray[i] = ruled[i] === 0 && mask[i] === 255 ? 255 : Math.round(((gray[i]! - lo) * 255) / span);
  }
  const lineHeight = textLineHeight(mask, width, height);
  const squeezed = squeezeGaps(
    gray,
    mask,
    width,
    height,
    Math.max(24, Math.round(lineHeight * 3.5)),
  );
  gray = squeezed.gray;
  width = squeezed.width;
  const target = options.targetTextHeight ?? 32;
  const maxScale = options.maxScale ?? 3;
  const scale =
    lineHeight > 0 ? Math.min(maxScale, Math.max(1, Math.round((target / lineHeight) * 4) / 4)) : 1;
  let outW = width;
  let outH = height;
  let pixels = gray;
  if (scale > 1) {
    outW = Math.round(width * scale);
    outH = Math.round(height * scale);
    // One resize to raw pixels; PGM is built from them (a PNG encode here cost ~35 ms).
    pixels = await sharp(gray, { raw: { width, height, channels: 1 } })
      .resize(outW, outH, { kernel: 'cubic' })
      .extractChannel(0)
      .raw()
      .toBuffer();
  }
  const pgm = encodePgm(pixels, outW, outH);
  return {
    ok: true,
    value: {
      image: pgm,
      pixels,
      width: outW,
      height: outH,
      scale,
      inverted,
      lineHeight: Math.round(lineHeight * scale),
    },
  };
}

/** The region to read (the whole image when none is given), or why it cannot be read. */
export function checkRegion(
  fullW: number,
  fullH: number,
  region: Rect | undefined,
): { ok: true; value: Rect } | { ok: false; error: string } {
  const r = region ?? { x: 0, y: 0, width: fullW, height: fullH };
  if (r.width < 8 || r.height < 8) return { ok: false, error: 'the region is empty or too small' };
  if (r.x < 0 || r.y < 0 || r.x + r.width > fullW || r.y + r.height > fullH) {
    return {
      ok: false,
      error: `the region ${r.x},${r.y} ${r.width}×${r.height} lies outside the ${fullW}×${fullH} image`,
    };
  }
  return { ok: true, value: r };
}
