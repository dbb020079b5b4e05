import { describe, expect, it } from 'vitest';
import { mergeSecondLook } from './second-look';
import type { TextBox } from './layout/text-box';

const box = (text: string, conf: number, x0 = 100, y0 = 10): TextBox => ({
  text,
  conf,
  x0,
  y0,
  x1: x0 + 12,
  y1: y0 + 18,
});

describe('joining a second look to the first', () => {
  it('two readings that agree make the first as sure as the second', () => {
    expect(mergeSecondLook([box('１', 0.51)], [box('1', 0.99)])).toEqual([box('１', 0.99)]);
  });

  it('a trusted second reading replaces a different first one; an untrusted one is dropped', () => {
    expect(mergeSecondLook([box('Ｎ', 0.3)], [box('2', 0.98)])).toEqual([box('2', 0.98)]);
    expect(mergeSecondLook([box('Ｎ', 0.3)], [box('2', 0.8)])).toEqual([box('Ｎ', 0.3)]);
  });

  it('a place the first look missed gets the reading, as a candidate unless trusted', () => {
    const first = [box('Pork bun', 0.99, 10)];
    expect(mergeSecondLook(first, [box('2', 0.97)])).toEqual([...first, box('2', 0.97)]);
    expect(mergeSecondLook(first, [box('2', 0.7)])).toEqual([...first, box('2', 0.3)]);
    expect(mergeSecondLook(first, [box(' ', 0.9)])).toEqual(first);
  });
});
