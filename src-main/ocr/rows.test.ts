import type { Page } from 'tesseract.js';
import { describe, expect, it } from 'vitest';
import { pageToRows } from './rows';

/** A page of one text line with the given words (text, x0, x1), 20 px high. */
function line(...words: Array<[string, number, number]>): Page {
  const bbox = { x0: 0, y0: 0, x1: 500, y1: 20 };
  return {
    blocks: [
      {
        paragraphs: [
          {
            lines: [
              {
                bbox,
                words: words.map(([text, x0, x1]) => ({
                  text,
                  confidence: 90,
                  bbox: { x0, x1, y0: 0, y1: 20 },
                })),
              },
            ],
          },
        ],
      },
    ],
  } as unknown as Page;
}

describe('words into cells', () => {
  it('keeps two numbers apart even when close (monospace columns)', () => {
    const [row] = pageToRows(line(['TOTAL', 0, 50], ['2', 200, 210], ['18.40', 222, 270]));
    expect(row!.cells.map((c) => c.text)).toEqual(['TOTAL', '2', '18.40']);
  });
  it('joins a bare fraction to the digits just before it: one number read as two words', () => {
    const [row] = pageToRows(line(['TOTAL', 0, 50], ['1841', 200, 240], ['.82', 245, 265]));
    expect(row!.cells.map((c) => c.text)).toEqual(['TOTAL', '1841.82']);
  });
  it('does not join a fraction a column away', () => {
    const [row] = pageToRows(line(['1841', 200, 240], ['.82', 300, 320]));
    expect(row!.cells.map((c) => c.text)).toEqual(['1841', '.82']);
  });
});
