import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// attachWedge in a real browser: Debian's Chromium (headless) with src-window-shared/attach-wedge.ts
// bundled (the detector it imports included); keys are real DOM keydown events from the browser's
// input pipeline (CDP Input.dispatchKeyEvent), with their own event.timeStamp.
const SOURCE = join(import.meta.dirname, 'attach-wedge.ts');

let browser: Browser;
let page: Page;
let bundle: string;

beforeAll(async () => {
  const built = await build({
    entryPoints: [SOURCE],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'Wedge',
  });
  bundle = built.outputFiles[0]!.text;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  if (page && !page.isClosed()) await page.close();
  page = await browser.newPage();
  await page.setContent(
    '<form onsubmit="window.submitted = (window.submitted || 0) + 1; return false">' +
      '<input id="f"></form>',
  );
  // A virtual clock: every key event's timeStamp and performance.now() read `window.now`, which
  // the test sets before each key. What the detector sees is then the recorded timing, however
  // slowly a loaded machine delivers the CDP keys (the flake this replaces: a burst typed with
  // no delay arrived with 150 ms gaps and was taken for typing).
  await page.evaluate(() => {
    const w = window as unknown as { now: number };
    w.now = 1000;
    Object.defineProperty(Event.prototype, 'timeStamp', { get: () => w.now });
    performance.now = () => w.now;
  });
  await page.addScriptTag({ content: bundle });
  await page.evaluate(() => {
    const w = window as unknown as {
      Wedge: {
        attachWedge: (t: EventTarget, cb: (v: string) => void, o: object) => () => void;
      };
      scans: string[];
    };
    w.scans = [];
    w.Wedge.attachWedge(document, (v) => w.scans.push(v), {});
  });
  await page.focus('#f');
});

/** Presses each key as a real browser key event, `gapMs` of virtual time after the last one. */
async function keys(text: string[], gapMs: number) {
  for (const key of text) {
    await page.evaluate((gap) => {
      (window as unknown as { now: number }).now += gap;
    }, gapMs);
    await page.keyboard.press(key);
  }
}
const chars = (s: string) => [...s];

/** Lets virtual time pass, so the detector's pause timer sees the burst as over. */
async function pause(ms: number) {
  await page.evaluate((gap) => {
    (window as unknown as { now: number }).now += gap;
  }, ms);
}

const state = () =>
  page.evaluate(() => {
    const w = window as unknown as { scans: string[]; submitted?: number };
    return {
      value: (document.getElementById('f') as HTMLInputElement).value,
      scans: w.scans,
      submitted: w.submitted ?? 0,
    };
  });

describe('attachWedge in Chromium', () => {
  it('a scanner burst never lands in the focused input and its Enter never submits the form', async () => {
    await page.fill('#f', 'note ');
    await page.focus('#f');
    await keys([...chars('134567890123456789'), 'Enter'], 4);
    const s = await state();
    expect(s.scans).toEqual(['134567890123456789']);
    expect(s.value).toBe('note ');
    expect(s.submitted).toBe(0);
  });

  it('typing goes into the input untouched, Enter submits', async () => {
    await keys([...chars('13800138000'), 'Enter'], 260);
    const s = await state();
    expect(s.scans).toEqual([]);
    expect(s.value).toBe('13800138000');
    expect(s.submitted).toBe(1);
  });

  it('a burst without suffix is a scan once the pause passes', async () => {
    await keys(chars('6212345678901234567'), 4);
    await pause(1000);
    // The detector's own timer fires after its pause in real time; it reads the virtual clock.
    await expect.poll(async () => (await state()).scans).toEqual(['6212345678901234567']);
    expect((await state()).value).toBe('');
  });
});
