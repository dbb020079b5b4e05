import { describe, expect, it } from 'vitest';
import type { Preprocessed } from './preprocess';
import type { Row } from './rows';
import { findColumnSplit, joinSides, shiftRow, sidePgm } from './split-read';

/** A white image with black blocks at the given x-ranges (full height), line height 20. */
function image(width: number, blocks: Array<[number, number]>): Preprocessed {
  const height = 40;
  const pixels = Buffer.alloc(width * height, 255);
  for (let y = 10; y < 30; y++) {
    for (const [x0, x1] of blocks) pixels.fill(0, y * width + x0, y * width + x1);
  }
  return {
    image: Buffer.alloc(0),
    pixels,
    width,
    height,
    scale: 1,
    inverted: false,
    lineHeight: 20,
  };
}

const row = (y0: number, y1: number, ...cells: Array<[string, number, number]>): Row => ({
  cells: cells.map(([text, x0, x1]) => ({ text, confidence: 90, x0, x1, y0, y1 })),
  text: cells.map(([t]) => t).join('  '),
  x0: cells[0]![1],
  x1: cells[cells.length - 1]![2],
  y0,
  y1,
});

describe('finding where names end and numbers begin', () => {
  it('cuts in the middle of the first wide blank band', () => {
    expect(
      findColumnSplit(
        image(400, [
          [10, 120],
          [200, 260],
          [300, 390],
        ]),
      ),
    ).toBe(160);
  });
  it('does not cut at a gap narrower than a text line (words of one name)', () => {
    expect(
      findColumnSplit(
        image(400, [
          [10, 120],
          [130, 300],
          [320, 390],
        ]),
      ),
    ).toBeNull();
  });
  it('does not cut off a sliver: each side keeps a quarter of the width', () => {
    expect(
      findColumnSplit(
        image(400, [
          [10, 40],
          [80, 390],
        ]),
      ),
    ).toBeNull();
    expect(
      findColumnSplit(
        image(400, [
          [10, 340],
          [370, 390],
        ]),
      ),
    ).toBeNull();
  });
  it('does not split when the name side holds most of the ink (receipt formulas)', () => {
    const heavy = image(400, [
      [10, 200],
      [260, 300],
    ]);
    expect(findColumnSplit(heavy)).toBeNull();
    expect(findColumnSplit(heavy, 1)).toBe(230);
  });
  it('finds nothing on a blank region', () => {
    expect(findColumnSplit(image(400, []))).toBeNull();
  });
  it('hands each side over as its own PGM', () => {
    const p = image(400, [[10, 120]]);
    expect(sidePgm(p, 160, 'left').subarray(0, 14).toString()).toBe('P5\n160 40\n255\n');
    expect(sidePgm(p, 160, 'right').subarray(0, 14).toString()).toBe('P5\n240 40\n255\n');
  });
});

describe('joining the two sides back into screen rows', () => {
  it('puts each number row with the name row beside it, in screen order', () => {
    const left = [row(0, 20, ['Milk', 0, 40]), row(30, 50, ['Bread', 0, 50])];
    const right = [
      row(31, 49, ['2', 0, 10], ['3.00', 50, 90]),
      row(1, 21, ['1', 0, 10], ['4.50', 50, 90]),
    ].map((r) => shiftRow(r, 200));
    const rows = joinSides(left, right);
    expect(rows.map((r) => r.text)).toEqual(['Milk  1  4.50', 'Bread  2  3.00']);
    expect(rows[0]!.cells.map((c) => c.x0)).toEqual([0, 200, 250]);
  });
  it('keeps a number row with no name beside it as a row of its own', () => {
    const rows = joinSides([row(0, 20, ['Milk', 0, 40])], [row(60, 80, ['99.00', 300, 350])]);
    expect(rows.map((r) => r.text)).toEqual(['Milk', '99.00']);
  });
});
