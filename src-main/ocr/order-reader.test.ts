import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderScreen } from './fixtures/render-screen';
import { renderScreenSet } from './fixtures/screen-set';
import { renderVariant, VARIANTS } from './fixtures/render-variants';
import { orderSchema } from '../contract/order';
import { createOrderReader, type OrderReader } from './order-reader';
import { readMatchesTruth } from './fixtures/truth';
import { haveSamples, SAMPLES_DIR } from './fixtures/samples';
import { createWorkerPool, type WorkerPool } from './worker-pool';

const SAMPLES = SAMPLES_DIR;
let reader: OrderReader;

beforeAll(() => {
  reader = createOrderReader({ currency: 'CNY' });
});
afterAll(async () => {
  await reader.close();
});

interface Truth {
  lines: Array<{ quantity?: string; qty?: string; unitPrice: number; amount: number }>;
  adjustments: Array<{ amount: number }>;
  total: number;
}

/** Reads screens; fails on any silent wrong order; returns the share auto-accepted. */
interface Screen {
  name: string;
  png: Buffer;
  region: { x: number; y: number; width: number; height: number };
  truth: Truth;
}

async function acceptance(screens: Screen[]) {
  let ok = 0;
  const silentWrong: string[] = [];
  for (const s of screens) {
    const read = await reader.readImage(s.png, s.region);
    if (read.status === 'ok') {
      if (readMatchesTruth(read, s.truth)) ok++;
      else silentWrong.push(`${s.name}: ${JSON.stringify(read)}`);
      // An ok order must map onto the contract's order shape as is.
      const { status: _status, timings: _timings, ...order } = read;
      expect(orderSchema.safeParse({ ...order, id: 'o1', source: 'ocr' }).success).toBe(true);
    }
  }
  expect(silentWrong).toEqual([]);
  return ok / screens.length;
}

describe('reading the order', () => {
  it.runIf(haveSamples(SAMPLES, 'the shared sample screens'))(
    'never accepts a wrong sample screen, and accepts most',
    async () => {
      const files = readdirSync(SAMPLES)
        .filter((f) => f.endsWith('.json'))
        .sort();
      const screens = files.map((f) => {
        const truth = JSON.parse(readFileSync(join(SAMPLES, f), 'utf8')) as Truth & {
          region: { x: number; y: number; width: number; height: number };
        };
        return {
          name: f,
          png: readFileSync(join(SAMPLES, f.replace('.json', '.png'))),
          region: truth.region,
          truth,
        };
      });
      const rate = await acceptance(screens);
      expect(rate).toBeGreaterThanOrEqual(0.95); // the target of issue 3
    },
    120_000,
  );

  it('never accepts a wrong rendered screen (3 layouts, dark/light, EN/中文, 1–15 lines)', async () => {
    const set = await renderScreenSet(12, 101);
    const rate = await acceptance(set.map((s, i) => ({ ...s, name: `rendered ${i}` })));
    // Measured 98% on 72 screens (see docs/ocr.md); 11 of these 12 is the bar.
    expect(rate).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});

describe('layouts real screens use', () => {
  it.each(VARIANTS)(
    '%s: read right and accepted, never silently wrong',
    async (variant) => {
      for (const seed of [1, 2]) {
        const screen = await renderVariant(variant, seed);
        const read = await reader.readImage(screen.png, screen.region);
        expect(read.total).toBe(screen.truth.total);
        expect(read.status).toBe('ok');
        expect(read.lines.map((l) => [Number(l.quantity), l.amount])).toEqual(
          screen.truth.lines.map((l) => [Number(l.quantity), l.amount]),
        );
      }
    },
    60_000,
  );
});

describe('names by the LSTM, numbers by the legacy engine, at once', () => {
  it('splits an English grid between the engines, and reads a Chinese one whole after one look', async () => {
    const legacy = createWorkerPool({
      languages: ['eng'],
      workers: 1,
      recycleAfter: 100,
      engine: 'legacy',
    });
    let legacyJobs = 0;
    const counted: WorkerPool = {
      ...legacy,
      recognize: (job) => {
        legacyJobs++;
        return legacy.recognize(job);
      },
    };
    const split = createOrderReader({ engine: 'tesseract', currency: 'CNY', numbersPool: counted });
    const screen = (lang: 'en' | 'zh') =>
      renderScreen({ seed: 7, layout: 'grid', lang, theme: 'light', count: 10, discount: true });
    const en = await screen('en');
    const zh = await screen('zh');
    try {
      const read = await split.readImage(en.png, en.region);
      expect(read.status).toBe('ok');
      expect(readMatchesTruth(read, en.truth)).toBe(true);
      expect(read.lines.map((l) => l.name)).toEqual(en.truth.lines.map((l) => l.name));
      expect(legacyJobs).toBe(1);
      expect(read.timings.ocrWhole).toBeUndefined();

      // 数量 单价 金额 over the numbers: the legacy engine cannot read them, so after this
      // read the region is read whole by the LSTM (Chinese screens do not change language).
      await split.readImage(zh.png, zh.region);
      const seen = legacyJobs;
      const zhRead = await split.readImage(zh.png, zh.region);
      expect(zhRead.status).toBe('ok');
      expect(readMatchesTruth(zhRead, zh.truth)).toBe(true);
      expect(legacyJobs).toBe(seen);

      // The warm-up reads its own picture with both plans, and forgets it did.
      const warm = await split.warmUp();
      expect(warm.ok).toBe(true);
      expect(legacyJobs).toBeGreaterThan(seen);
      const afterWarmUp = legacyJobs;
      await split.readImage(zh.png, zh.region);
      expect(legacyJobs).toBe(afterWarmUp);

      // A whole read with no Chinese in it lets the split back in.
      await split.readImage(en.png, en.region);
      await split.readImage(en.png, en.region);
      expect(legacyJobs).toBe(afterWarmUp + 1);
    } finally {
      await split.close();
      await legacy.close();
    }
  }, 60_000);
});

describe('bad input never gives an ok order', () => {
  it('random noise', async () => {
    const noise = Buffer.alloc(400 * 300 * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
    const png = await sharp(noise, { raw: { width: 400, height: 300, channels: 3 } })
      .png()
      .toBuffer();
    const read = await reader.readImage(png);
    expect(read.status).toBe('needs_review');
    expect(read.warnings.length).toBeGreaterThan(0);
  }, 30_000);

  it('an image with no order on it', async () => {
    const png = await sharp({
      create: { width: 500, height: 200, channels: 3, background: '#fff' },
    })
      .composite([
        {
          input: Buffer.from(
            '<svg xmlns="http://www.w3.org/2000/svg" width="500" height="200"><text x="20" y="80" font-size="28" font-family="DejaVu Sans">Welcome, please wait</text></svg>',
          ),
        },
      ])
      .png()
      .toBuffer();
    const read = await reader.readImage(png);
    expect(read.status).toBe('needs_review');
    expect(read.warnings.map((w) => w.code)).toContain('no_lines');
  }, 30_000);

  it('a region off the image, an empty region, and bytes that are not an image', async () => {
    const { png } = await renderScreen({
      seed: 3,
      layout: 'grid',
      lang: 'en',
      theme: 'light',
      count: 3,
      discount: false,
    });
    const off = await reader.readImage(png, { x: 900, y: 700, width: 600, height: 400 });
    expect(off).toMatchObject({
      status: 'needs_review',
      warnings: [{ code: 'unreadable', message: expect.stringContaining('outside') }],
    });
    const empty = await reader.readImage(png, { x: 0, y: 0, width: 0, height: 0 });
    expect(empty.warnings[0]!.message).toContain('empty');
    const junk = await reader.readImage(Buffer.from('not a png'));
    expect(junk.warnings[0]!.message).toContain('not a readable image');
  });

  it('a black screen, a cut-off PNG, a 10,000 px image, a region too large to be an order', async () => {
    const black = await sharp({
      create: { width: 640, height: 400, channels: 3, background: '#000' },
    })
      .png()
      .toBuffer();
    expect((await reader.readImage(black)).status).toBe('needs_review');
    const { png } = await renderScreen({
      seed: 5,
      layout: 'grid',
      lang: 'en',
      theme: 'light',
      count: 4,
      discount: false,
    });
    const cut = await reader.readImage(png.subarray(0, png.length >> 1));
    expect(cut).toMatchObject({ status: 'needs_review', warnings: [{ code: 'unreadable' }] });
    const wide = await sharp({
      create: { width: 10_000, height: 300, channels: 3, background: '#fff' },
    })
      .png()
      .toBuffer();
    expect((await reader.readImage(wide)).status).toBe('needs_review');
    const huge = await sharp({
      create: { width: 10_000, height: 10_000, channels: 3, background: '#fff' },
    })
      .png()
      .toBuffer();
    const tooLarge = await reader.readImage(huge);
    expect(tooLarge.warnings[0]!.message).toContain('too large');
  }, 60_000);

  it('readScreen without a capture port says so', async () => {
    const read = await reader.readScreen({ x: 0, y: 0, width: 10, height: 10 });
    expect(read.warnings[0]!.message).toContain('No screen capture');
  });
});

describe('a thin digit alone in an input box (laravel-pos)', () => {
  it('is found by a second, bolder look: most such screens accepted, none wrong', async () => {
    let right = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const screen = await renderVariant('input-box', seed);
      const read = await reader.readImage(screen.png, screen.region);
      const same =
        read.total === screen.truth.total &&
        JSON.stringify(read.lines.map((l) => [Number(l.quantity), l.amount])) ===
          JSON.stringify(screen.truth.lines.map((l) => [Number(l.quantity), l.amount]));
      if (read.status === 'ok') {
        expect(same, `seed ${seed}`).toBe(true);
        right++;
      }
    }
    // Measured 5 of 6 (1 of 6 before the second look grew fragments and thickened strokes).
    expect(right).toBeGreaterThanOrEqual(4);
  }, 120_000);
});
