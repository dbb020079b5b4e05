import { afterAll, describe, expect, it } from 'vitest';
import { encodePgm } from './pgm';
import { createWorkerPool } from './worker-pool';

const pool = createWorkerPool({ languages: ['eng'], workers: 1, recycleAfter: 100 });
afterAll(async () => {
  await pool.close();
});

describe('the OCR worker pool', () => {
  it('answers an image tesseract cannot read with an error for that job, and keeps working', async () => {
    // tesseract.js throws from its message handler on a failed job unless told otherwise: an
    // uncaught exception would end the station. Each of these must only reject.
    for (const image of [Buffer.from('P5\n0 0\n255\n'), Buffer.from('not an image')]) {
      await expect(pool.recognize({ image })).rejects.toThrow(/read image/);
    }
    const blank = encodePgm(Buffer.alloc(64 * 32, 255), 64, 32);
    const page = await pool.recognize({ image: blank });
    expect(page.text.trim()).toBe('');
  }, 30_000);
});
