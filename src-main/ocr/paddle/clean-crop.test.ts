import { describe, expect, it } from 'vitest';
import { cropRgb, backgroundOf, eraseEdgeRules, padRgb, thickenStrokes } from './clean-crop';

/** A white w × h picture with dark pixels where `ink` says. */
function picture(w: number, h: number, ink: (x: number, y: number) => boolean): Buffer {
  const rgb = Buffer.alloc(w * h * 3, 255);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) if (ink(x, y)) rgb.fill(20, (y * w + x) * 3, (y * w + x) * 3 + 3);
  return rgb;
}
const inkAt = (rgb: Buffer, w: number, x: number, y: number) => rgb[(y * w + x) * 3]! < 128;

describe('cleaning a text line crop', () => {
  it("paints over an input box's border at the crop's edges, keeps the digit inside", () => {
    const w = 14;
    const h = 20;
    // left border x=0, bottom border y=19, a "1" stroke at x=7 from y=4 to y=15
    const rgb = picture(w, h, (x, y) => x === 0 || y === h - 1 || (x === 7 && y >= 4 && y <= 15));
    expect(eraseEdgeRules(rgb, w, h)).toBe(2);
    expect(inkAt(rgb, w, 0, 10)).toBe(false);
    expect(inkAt(rgb, w, 5, h - 1)).toBe(false);
    expect(inkAt(rgb, w, 7, 10)).toBe(true);
  });

  it('the background is the colour most of the edge has', () => {
    const rgb = picture(10, 10, (x) => x === 0);
    expect(backgroundOf(rgb, 10, 10).r).toBeGreaterThan(240);
  });

  it('crops and pads exactly', () => {
    const rgb = picture(6, 4, (x, y) => x === 2 && y === 1);
    const crop = cropRgb({ data: rgb, width: 6, height: 4 }, 2, 1, 3, 2);
    expect(inkAt(crop, 3, 0, 0)).toBe(true);
    const padded = padRgb(crop, 3, 2, 2, { r: 255, g: 255, b: 255 });
    expect(padded.length).toBe(7 * 2 * 3);
    expect(inkAt(padded, 7, 2, 0)).toBe(true);
    expect(inkAt(padded, 7, 0, 0)).toBe(false);
  });
});

describe('bolder strokes for the detector', () => {
  it('widens a one-pixel stroke on a light background, and a light one on a dark background', () => {
    const w = 9;
    const h = 9;
    const thin = picture(w, h, (x, y) => x === 4 && y >= 2 && y <= 6);
    const bold = thickenStrokes(thin, w, h, backgroundOf(thin, w, h), 1);
    expect([3, 4, 5].map((x) => inkAt(bold, w, x, 4))).toEqual([true, true, true]);
    expect(inkAt(bold, w, 1, 4) || inkAt(bold, w, 7, 4)).toBe(false);
    expect(inkAt(thin, w, 3, 4)).toBe(false); // the picture itself is left as it was
    const dark = Buffer.from(thin.map((v) => 255 - v));
    const boldDark = thickenStrokes(dark, w, h, backgroundOf(dark, w, h), 1);
    expect(boldDark[(4 * w + 5) * 3]!).toBeGreaterThan(128);
  });
});
