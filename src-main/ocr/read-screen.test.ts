import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureRegion } from '../capture/capture';
import { showImage, startXvfb, stopProcess, type Xvfb } from '../capture/test-support/xvfb';
import { createOrderReader, type OrderReader } from './order-reader';
import { renderScreen, type RenderedScreen } from './fixtures/render-screen';

const dir = mkdtempSync(join(tmpdir(), 'cs-read-screen-'));
let screen: RenderedScreen;
let xvfb: Xvfb;
let window: ChildProcess;
let reader: OrderReader;

beforeAll(async () => {
  screen = await renderScreen({
    seed: 15,
    layout: 'grid',
    lang: 'en',
    theme: 'dark',
    count: 6,
    discount: false,
    symbol: '$',
  });
  writeFileSync(join(dir, 'pos.png'), screen.png);
  xvfb = await startXvfb(1280, 800, 140);
  process.env.DISPLAY = xvfb.display;
  // The legacy POS stand-in: a rendered order screen in a window at (30, 20) on the display.
  window = await showImage(xvfb.display, join(dir, 'pos.png'), 30, 20);
  reader = createOrderReader({ currency: 'USD', capture: (r) => captureRegion(r) });
}, 30_000);

afterAll(async () => {
  await reader?.close();
  if (window) await stopProcess(window);
  if (xvfb) await xvfb.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('readScreen on an X display', () => {
  it('captures the calibrated region of the POS window and reads the right total', async () => {
    const truth = { ...screen.truth, region: screen.region };
    const region = { display: 0, ...truth.region, x: truth.region.x + 30, y: truth.region.y + 20 };
    const read = await reader.readScreen(region);
    expect(read.status).toBe('ok');
    expect(read.total).toBe(truth.total);
    expect(read.timings.capture).toBeGreaterThanOrEqual(0);
  }, 60_000);

  it('an off-screen region is a clear needs_review, not a crash', async () => {
    const read = await reader.readScreen({ display: 0, x: 1000, y: 600, width: 600, height: 400 });
    expect(read.status).toBe('needs_review');
    expect(read.warnings[0]!.message).toContain('outside display 0');
  });
});
