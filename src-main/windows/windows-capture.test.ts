import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderTruth, startTestPos, type PosOrder, type TestPos } from './test-support/test-pos';
import { haveWine, startWine, type Wine, type WineResult } from './test-support/wine';

// The Windows capture back-end (the mingw build of native/) and the order reader, run by the
// Windows node.exe under Wine on an Xvfb screen, reading a real Win32 window: test-pos.exe.
// Each step starts node.exe and tsx under Wine (seconds each), hence the generous time limits.
const present = haveWine('the Windows capture tests (Wine)');

const ORDER: PosOrder = {
  lines: [
    { name: '牛奶', quantity: '2', unitPrice: 1250 },
    { name: '咖啡豆', quantity: '0.5', unitPrice: 12000 },
    { name: '面包', quantity: '1', unitPrice: 800 },
    { name: '鸡蛋', quantity: '3', unitPrice: 150 },
    // A Latin name: the POS draws its row in Tahoma, the others in SimSun.
    { name: 'Green Tea', quantity: '2', unitPrice: 1800 },
  ],
  adjustments: [{ label: '优惠', amount: -300 }],
};
const TRUTH = orderTruth(ORDER);

/** The one JSON line `countersign read` prints, or a failure that shows what it said. */
function readJson(result: WineResult) {
  if (result.code !== 0 || !result.stdout.trim())
    throw new Error(`countersign read exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as {
    status: string;
    lines: Array<{ name: string; quantity: string; unitPrice: number; amount: number }>;
    adjustments: Array<{ label: string; amount: number }>;
    total: number | null;
    warnings: Array<{ code: string; message: string }>;
    timings: Record<string, number>;
  };
}

const plain = (read: ReturnType<typeof readJson>) => ({
  lines: read.lines.map(({ name, quantity, unitPrice, amount }) => ({
    name,
    quantity,
    unitPrice,
    amount,
  })),
  adjustments: read.adjustments.map(({ label, amount }) => ({ label, amount })),
  total: read.total,
});

describe.skipIf(!present).each([
  { scale: '100 %', dpi: 96 },
  { scale: '150 %', dpi: 144 },
])('Windows under Wine at $scale', ({ dpi }) => {
  let wine: Wine;
  let pos: TestPos;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cs-win-capture-'));
    wine = await startWine({ dpi });
    pos = await startTestPos(wine, dir, ORDER, 100, 80);
  }, 180_000);

  afterAll(async () => {
    await pos?.stop();
    await wine?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs the Windows node.exe, and the native back-end lists the screen in physical pixels with its scale', async () => {
    const result = await wine.countersign(['capture', '--list']);
    expect(result.code, result.stderr).toBe(0);
    const { displays } = JSON.parse(result.stdout.trim()) as {
      displays: Array<{ width: number; height: number; scaleFactor: number }>;
    };
    // Physical pixels whatever the scale: a 150 % screen is still 1280×800 pixels.
    expect(displays).toEqual([
      expect.objectContaining({ width: 1280, height: 800, scaleFactor: dpi / 96 }),
    ]);
    const platform = await wine.node(['-p', 'process.platform']);
    expect(platform.stdout.trim()).toBe('win32');
  }, 120_000);

  it('reads the order off the POS window, with the region from config.json under %APPDATA%', async () => {
    // The POS draws at the screen's DPI: its 600×400 area is 900×600 pixels at 150 %.
    expect(pos.place).toMatchObject({ width: (600 * dpi) / 96, height: (400 * dpi) / 96, dpi });
    const { x, y, width, height } = pos.place!;
    // Where a Windows station keeps its data: %APPDATA%\Countersign (docs/windows.md).
    const dataDir = join(wine.appData, 'Countersign');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(
      join(dataDir, 'config.json'),
      JSON.stringify({ capture: { region: { x, y, width, height }, backend: 'native' } }),
    );
    const read = readJson(await wine.countersign(['read']));
    expect(read.status, JSON.stringify(read.warnings)).toBe('ok');
    expect(plain(read)).toEqual(TRUTH);
  }, 120_000);

  it.runIf(dpi === 96)(
    'a POS window moved away or minimised is a read that says so, never a crash',
    async () => {
      const { x, y, width, height } = pos.place!;
      const region = `${x},${y},${width},${height}`;
      await pos.command('move 700 450');
      const moved = readJson(await wine.countersign(['read', '--region', region]));
      // The reader is not even asked: the capture names what is wrong and what to do.
      const desktop = [
        {
          code: 'unreadable',
          message: expect.stringMatching(
            /^Screen capture failed: the region shows the Windows desktop, not a program: is the POS window minimised or moved\?/,
          ),
        },
      ];
      expect(moved.status).toBe('needs_review');
      expect(moved.lines).toEqual([]);
      expect(moved.warnings).toEqual(desktop);

      await pos.command('minimise');
      const minimised = readJson(await wine.countersign(['read', '--region', region]));
      expect(minimised.status).toBe('needs_review');
      expect(minimised.warnings).toEqual(desktop);

      // Back in place, the same region reads the order again.
      await pos.command('restore');
      await pos.command('move 100 80');
      expect(pos.place).toMatchObject({ x, y });
      const back = readJson(await wine.countersign(['read', '--region', region]));
      expect(plain(back)).toEqual(TRUTH);
    },
    240_000,
  );

  it.runIf(dpi === 96)(
    'a region off the screen is a clear error, not a crash',
    async () => {
      const out = join(dir, 'off-screen.png');
      const result = await wine.countersign([
        'capture',
        '--region',
        '1000,600,600,400',
        '--out',
        out,
        '--backend',
        'native',
      ]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/lies outside display 0 \(1280×800\)/);
    },
    120_000,
  );
});
