import sharp from 'sharp';
import type { TextBox } from '../layout/text-box';
import { backgroundOf, cropRgb, thickenStrokes, type RgbImage } from './clean-crop';
import type { RecogniseOptions } from './paddle-engine';
import type { Region } from './text-regions';

// The height a place is enlarged to for a second look: text lines of ~40 px are what the
// detector finds best.
const CLOSER_HEIGHT = 96;
// How tall text is in a place the second look searches, as a share of the place's height (the
// place is a row: its text plus the row's padding).
const GLYPH_HEIGHT = 0.5;
// A second look that reads nothing this sure looks once more with bolder strokes.
const SURE_GLYPH = 0.9;

/**
 * A second look at a place where text should be: the place is enlarged, framed in its own
 * background and searched again, so a lone digit the whole screen's scale lost (a stepper's
 * "1") is found with a tight box, apart from the input-box borders and table rules around it.
 * Where even that finds nothing, the place is read as one line.
 */
export async function lookCloser(
  engine: {
    detect: (img: RgbImage) => Promise<Region[]>;
    recognise: (img: RgbImage, regions: Region[], how?: RecogniseOptions) => Promise<TextBox[]>;
  },
  img: RgbImage,
  r: Region,
  how: RecogniseOptions,
): Promise<TextBox[]> {
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
      : engine.recognise(
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
  let found = await readAt(await engine.detect(closer));
  if (best(found) < SURE_GLYPH) {
    // Not seen, or not surely: the places are looked for again with bolder strokes (a
    // one-pixel "1" the detector misses), and read in the picture as it is.
    const radius = Math.max(1, Math.round(scale / 3));
    const bold = {
      ...closer,
      data: thickenStrokes(data, closer.width, closer.height, bg, radius),
    };
    const again = await readAt(await engine.detect(bold));
    if (best(again) > best(found)) found = again;
  }
  if (found.length === 0) {
    // The whole place read as one line holds its borders and rules too: never more than a
    // doubtful candidate.
    return (await engine.recognise(img, [r], how)).map((b) => ({
      ...b,
      conf: Math.min(b.conf, 0.5),
    }));
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
