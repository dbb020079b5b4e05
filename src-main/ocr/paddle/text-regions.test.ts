import { describe, expect, it } from 'vitest';
import { textRegions } from './text-regions';

describe('text regions from the detector map', () => {
  it('finds each blob as a box, grown back from its shrunk core, and drops specks', () => {
    const w = 40;
    const h = 20;
    const prob = new Float32Array(w * h);
    const paint = (x0: number, y0: number, x1: number, y1: number, v = 0.9) => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) prob[y * w + x] = v;
    };
    paint(2, 5, 12, 10); // a word
    paint(20, 5, 35, 10); // another, apart from it
    paint(38, 1, 39, 2); // a speck
    paint(2, 14, 12, 18, 0.35); // faint: above the threshold, below the box score
    const boxes = textRegions(prob, w, h);
    expect(boxes).toHaveLength(2);
    expect(boxes[0]!.x0).toBeLessThan(2);
    expect(boxes[0]!.x1).toBeGreaterThan(12);
    expect(boxes[1]!.x0).toBeGreaterThan(12);
  });
});
