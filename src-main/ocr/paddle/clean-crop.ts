/** An RGB colour. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/**
 * The most common colour of the crop: the screen's background around the text (text, rules
 * and borders are always fewer pixels). Large crops are sampled.
 */
export function backgroundOf(rgb: Buffer, w: number, h: number): Rgb {
  const counts = new Map<number, number>();
  const step = Math.max(1, Math.floor((w * h) / 4000));
  for (let p = 0; p < w * h; p += step) {
    const i = p * 3;
    // Quantised, so anti-aliasing noise does not split the vote.
    const key = ((rgb[i]! >> 3) << 10) | ((rgb[i + 1]! >> 3) << 5) | (rgb[i + 2]! >> 3);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  return {
    r: ((best >> 10) << 3) + 4,
    g: (((best >> 5) & 31) << 3) + 4,
    b: ((best & 31) << 3) + 4,
  };
}

/**
 * Paints over table rules and input-box borders that a text box's crop caught at its edges: a
 * column (near the left or right edge) or a row (near the top or bottom) that is ink along
 * nearly its whole length. The recogniser reads such a line as a "1" or an "I" ("2" in an
 * input box came out as "12"). Glyphs never run the whole height of a crop, which the
 * detector always takes with a margin. Works in place on packed RGB; returns how many lines.
 */
export function eraseEdgeRules(
  rgb: Buffer,
  w: number,
  h: number,
  bg = backgroundOf(rgb, w, h),
): number {
  const ink = (x: number, y: number) => {
    const i = (y * w + x) * 3;
    return (
      Math.abs(rgb[i]! - bg.r) + Math.abs(rgb[i + 1]! - bg.g) + Math.abs(rgb[i + 2]! - bg.b) > 90
    );
  };
  const paint = (x: number, y: number) => {
    const i = (y * w + x) * 3;
    rgb[i] = bg.r;
    rgb[i + 1] = bg.g;
    rgb[i + 2] = bg.b;
  };
  const cols: number[] = [];
  const rows: number[] = [];
  const edge = (i: number, n: number) => i < n * 0.3 || i >= n * 0.7;
  for (let x = 0; x < w; x++) {
    if (!edge(x, w)) continue;
    let n = 0;
    for (let y = 0; y < h; y++) if (ink(x, y)) n++;
    if (n >= h * 0.9) cols.push(x);
  }
  for (let y = 0; y < h; y++) {
    if (!edge(y, h)) continue;
    let n = 0;
    for (let x = 0; x < w; x++) if (ink(x, y)) n++;
    if (n >= w * 0.9) rows.push(y);
  }
  for (const x of cols) for (let y = 0; y < h; y++) paint(x, y);
  for (const y of rows) for (let x = 0; x < w; x++) paint(x, y);
  return cols.length + rows.length;
}

/** A packed RGB image. */
export interface RgbImage {
  data: Buffer;
  width: number;
  height: number;
}

/** Copies a rectangle out of a packed RGB image. */
export function cropRgb(img: RgbImage, x0: number, y0: number, w: number, h: number): Buffer {
  const out = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++) {
    const from = ((y0 + y) * img.width + x0) * 3;
    img.data.copy(out, y * w * 3, from, from + w * 3);
  }
  return out;
}

/** Adds `pad` columns of `bg` on each side of a packed RGB picture (w × h). */
export function padRgb(rgb: Buffer, w: number, h: number, pad: number, bg: Rgb): Buffer {
  const W = w + 2 * pad;
  const out = Buffer.alloc(W * h * 3);
  for (let i = 0; i < W * h; i++) {
    out[i * 3] = bg.r;
    out[i * 3 + 1] = bg.g;
    out[i * 3 + 2] = bg.b;
  }
  for (let y = 0; y < h; y++) rgb.copy(out, (y * W + pad) * 3, y * w * 3, (y + 1) * w * 3);
  return out;
}

/**
 * Turns packed RGB into its luminance, in place. Screens drawn with sub-pixel anti-aliasing
 * (ClearType) edge each glyph in orange and blue; the recogniser read such a lone "2" as "Ｎ"
 * at 0.95 confidence, and as "2" at 0.97 once grey.
 */
export function greyInPlace(rgb: Buffer): void {
  for (let i = 0; i + 2 < rgb.length; i += 3) {
    const y = (rgb[i]! * 77 + rgb[i + 1]! * 150 + rgb[i + 2]! * 29) >> 8;
    rgb[i] = y;
    rgb[i + 1] = y;
    rgb[i + 2] = y;
  }
}

/**
 * Thickens the strokes of text: each pixel takes the darkest (on a light background) or the
 * lightest (on a dark one) of its neighbours within `radius`, rows then columns. A one-pixel
 * "1" that the detector does not see even enlarged is found once it is bolder.
 */
export function thickenStrokes(rgb: Buffer, w: number, h: number, bg: Rgb, radius: number): Buffer {
  const light = bg.r + bg.g + bg.b > 384;
  const luma = (p: number) => rgb[p * 3]! + rgb[p * 3 + 1]! + rgb[p * 3 + 2]!;
  const wins = (a: number, b: number) => (light ? luma(a) < luma(b) : luma(a) > luma(b));
  const pass = (from: Int32Array, dx: number, dy: number): Int32Array => {
    const to = new Int32Array(w * h);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        let best = from[y * w + x]!;
        for (let d = -radius; d <= radius; d++) {
          const xx = x + d * dx;
          const yy = y + d * dy;
          if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
          const c = from[yy * w + xx]!;
          if (wins(c, best)) best = c;
        }
        to[y * w + x] = best;
      }
    }
    return to;
  };
  const start = Int32Array.from({ length: w * h }, (_, p) => p);
  const winner = pass(pass(start, 1, 0), 0, 1);
  const out = Buffer.alloc(w * h * 3);
  winner.forEach((s, p) => rgb.copy(out, p * 3, s * 3, s * 3 + 3));
  return out;
}
