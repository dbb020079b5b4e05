import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// attachWedge in a real browser: Debian's Chromium (headless) with the detector bundled from
// src-main/contract/keyboard-wedge.ts; keys are real DOM keydown events from the browser's
// input pipeline (CDP Input.dispatchKeyEvent), with their own event.timeStamp.
const SOURCE = join(import.meta.dirname, '..', 'contract', 'keyboard-wedge.ts');

let browser: Browser;
let page: Page;
let bundle: string;

beforeAll(async () => {
  const ts = readFileSync(SOURCE, 'utf8');
  bundle = (await transform(ts, { loader: 'ts', format: 'iife', globalName: 'Wedge' })).code;
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
  await page.addScriptTag({ content: bundle });
  await page.evaluate(() => {
    const w = window as unknown as {
      Wedge: {
        attachWedge: (t: EventTarget, cb: (v: string) => void, o: object) => () => void;
      };
      scans: string[];
    };
    w.scans = [];
    // Looser timing than the defaults: what this test checks is the DOM side (swallowing,
    // taking leaked keys back, no form submit); CDP key delivery on a loaded 2-core machine
    // is slower than a USB scanner. The timing rules are tested on recorded traces.
    w.Wedge.attachWedge(document, (v) => w.scans.push(v), {
      avgTimeByChar: 60,
      maxCharGapMs: 150,
      maxGapMs: 200,
    });
  });
  await page.focus('#f');
});

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
    await page.keyboard.type('134567890123456789', { delay: 0 });
    await page.keyboard.press('Enter');
    const s = await state();
    expect(s.scans).toEqual(['134567890123456789']);
    expect(s.value).toBe('note ');
    expect(s.submitted).toBe(0);
  });

  it('typing goes into the input untouched, Enter submits', async () => {
    await page.keyboard.type('13800138000', { delay: 260 });
    await page.keyboard.press('Enter');
    const s = await state();
    expect(s.scans).toEqual([]);
    expect(s.value).toBe('13800138000');
    expect(s.submitted).toBe(1);
  });

  it('a burst without suffix is a scan once the pause passes', async () => {
    await page.keyboard.type('6212345678901234567', { delay: 0 });
    await page.waitForTimeout(500);
    const s = await state();
    expect(s.scans).toEqual(['6212345678901234567']);
    expect(s.value).toBe('');
  });
});
