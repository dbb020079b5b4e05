import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readChineseNames } from './chinese-names';
import type { DraftLine, DraftOrder } from './parse-order';
import { preprocessRegion, type Preprocessed } from './preprocess';
import type { Cell } from './rows';
import { createWorkerPool, type WorkerPool } from './worker-pool';

let pool: WorkerPool;
let p: Preprocessed;

beforeAll(async () => {
  pool = createWorkerPool({ languages: ['chi_sim'], workers: 1, recycleAfter: 50 });
  // 香蕉 on the left, as a POS shows a name; the cells below point at it.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="60"><rect width="100%" height="100%" fill="#fff"/><text x="20" y="40" font-family="Noto Sans CJK SC" font-size="24">香蕉</text></svg>`;
  const pre = await preprocessRegion(await sharp(Buffer.from(svg)).png().toBuffer(), undefined);
  if (!pre.ok) throw new Error(pre.error);
  p = pre.value;
});
afterAll(async () => {
  await pool.close();
});

const cellOver = (text: string, confidence: number): Cell => ({
  text,
  confidence,
  x0: 0,
  y0: 0,
  x1: Math.round(p.width * 0.6),
  y1: p.height,
});

const line = (name: string, confidence: number): DraftLine => ({
  id: 'L1',
  name,
  quantity: '3',
  unitPrice: 5574,
  amount: 16722,
  cells: { amount: cellOver('167.22', 95) },
  nameCell: cellOver(name, confidence),
});

const order = (l: DraftLine, chinese: boolean): DraftOrder => ({
  lines: [l],
  adjustments: [],
  total: 16722,
  totalCell: null,
  subtotal: null,
  warnings: [],
  unreadRows: [],
  chinese,
});

describe('Chinese names read as Latin look-alikes', () => {
  it('reads an unsure Latin name on a Chinese screen again with chi_sim', async () => {
    const fixed = await readChineseNames(pool, p, order(line('EE', 32), true));
    expect(fixed.lines[0]!.name).toBe('香蕉');
    // Names only: every number stays as read.
    expect(fixed.lines[0]).toMatchObject({ quantity: '3', unitPrice: 5574, amount: 16722 });
  }, 30_000);

  it('leaves a sure Latin name, a Chinese name and an English screen alone', async () => {
    for (const [draft, name] of [
      [order(line('Coca-Cola', 93), true), 'Coca-Cola'],
      [order(line('香琢', 40), true), '香琢'],
      [order(line('EE', 32), false), 'EE'],
    ] as const) {
      expect((await readChineseNames(pool, p, draft)).lines[0]!.name).toBe(name);
    }
  }, 30_000);
});
