/** An axis-aligned box in pixels of the image the map was made for. */
export interface Region {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Turns the detector's text-probability map into text boxes, as PaddleOCR's DB post-process
 * does for upright text: pixels above `threshold` form connected areas; an area whose mean
 * probability is below `boxThreshold` or whose short side is under 3 px is noise; each box is
 * grown by area × `unclip` / perimeter on every side (the detector marks a shrunk text core).
 * POS screens are never rotated, so a rectangle is the whole truth and no contour library is
 * needed.
 */
export function textRegions(
  prob: Float32Array,
  width: number,
  height: number,
  { threshold = 0.3, boxThreshold = 0.5, unclip = 1.6 } = {},
): Region[] {
  const label = new Int32Array(width * height);
  const out: Region[] = [];
  const stack: number[] = [];
  let next = 0;
  for (let start = 0; start < prob.length; start++) {
    if (label[start] !== 0 || prob[start]! <= threshold) continue;
    next++;
    label[start] = next;
    stack.push(start);
    let [x0, y0, x1, y1] = [width, height, 0, 0];
    let sum = 0;
    let count = 0;
    while (stack.length > 0) {
      const i = stack.pop()!;
      const x = i % width;
      const y = (i - x) / width;
      sum += prob[i]!;
      count++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      // 4-neighbours: two words a pixel apart diagonally stay two boxes.
      if (x > 0) visit(i - 1);
      if (x + 1 < width) visit(i + 1);
      if (y > 0) visit(i - width);
      if (y + 1 < height) visit(i + width);
    }
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    if (Math.min(w, h) < 3 || sum / count < boxThreshold) continue;
    const d = (w * h * unclip) / (2 * (w + h));
    out.push({
      x0: Math.max(0, Math.floor(x0 - d)),
      y0: Math.max(0, Math.floor(y0 - d)),
      x1: Math.min(width, Math.ceil(x1 + 1 + d)),
      y1: Math.min(height, Math.ceil(y1 + 1 + d)),
    });
  }
  return out;

  function visit(j: number) {
    if (label[j] === 0 && prob[j]! > threshold) {
      label[j] = next;
      stack.push(j);
    }
  }
}
