import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { encodePgm } from './pgm';

describe('encodePgm', () => {
  it('encodes the chosen rows so a real decoder gets the same pixels back', () => {
    const width = 5;
    const pixels = Buffer.from(Array.from({ length: width * 4 }, (_, i) => i * 10));
    const pgm = encodePgm(pixels, width, 4, 1, 2);
    // ImageMagick decodes the PGM independently of our encoder.
    const size = execFileSync('identify', ['-format', '%wx%h', 'pgm:-'], { input: pgm }).toString();
    const gray = execFileSync('convert', ['pgm:-', '-depth', '8', 'gray:-'], { input: pgm });
    expect(size).toBe('5x2');
    expect([...gray]).toEqual([...pixels.subarray(5, 15)]);
  });
});
