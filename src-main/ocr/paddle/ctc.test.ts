import { describe, expect, it } from 'vitest';
import { ctcDecode, ctcDigit } from './ctc';

describe('CTC decoding', () => {
  it('drops blanks and repeats, keeps a letter doubled across a blank', () => {
    const dict = ['a', 'b'];
    const steps = [0, 1, 1, 0, 1, 2, 2, 0];
    const scores = new Float32Array(steps.length * 3);
    steps.forEach((c, t) => (scores[t * 3 + c] = 0.9));
    expect(ctcDecode(scores, steps.length, 3, dict)).toEqual({
      text: 'aab',
      conf: expect.closeTo(0.9, 5),
    });
  });
});

describe('a lone digit', () => {
  // Classes: 0 blank, 1 "N", 2 "2", 3 full-width "２", 4 "1".
  const digits = new Map([
    [2, '2'],
    [3, '2'],
    [4, '1'],
  ]);
  const line = (steps: number[][]) => new Float32Array(steps.flat());

  it('is read among the digits where the recogniser prefers a letter', () => {
    const scores = line([
      [0.98, 0.01, 0.005, 0.004, 0.001],
      [0.1, 0.6, 0.15, 0.14, 0.01],
      [0.97, 0.02, 0.005, 0.004, 0.001],
    ]);
    expect(ctcDecode(scores, 3, 5, ['N', '2', '２', '1']).text).toBe('N');
    const d = ctcDigit(scores, 3, 5, digits)!;
    expect(d.digit).toBe('2'); // "2" and "２" together
    expect(d.conf).toBeGreaterThan(0.9);
    expect(d.mass).toBeGreaterThan(0.1);
  });

  it('holds almost no digit mass where the glyph is nothing like a digit', () => {
    const scores = line([
      [0.999, 0.001, 0, 0, 0],
      [0.001, 0.999, 0, 0, 0.00001],
      [0.999, 0.001, 0, 0, 0],
    ]);
    expect(ctcDigit(scores, 3, 5, digits)!.mass).toBeLessThan(1e-3);
  });
});
