// OCR benchmark: `npx tsx src-main/bench/ocr-bench.ts`. Side by side, in one run:
// capture back-ends on Xvfb (native addon, node-screenshots, screenshot-desktop), our pipeline
// vs tesseract.js defaults vs the `tesseract` CLI on the sample screens, capture → parsed order
// on an Xvfb screen, and accuracy. Writes its section of docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { createWorker, OEM } from 'tesseract.js';
import {
  captureRegion,
  captureRegionRaw,
  pickBackend,
  type BackendChoice,
} from '../capture/capture';
import { showImage, startXvfb, stopProcess } from '../capture/xvfb';
import { parseMinor } from '../contract/money';
import { renderScreen } from '../ocr/fixtures/render-screen';
import { renderScreenSet } from '../ocr/fixtures/screen-set';
import { createOrderReader, type ReadOrder } from '../ocr/order-reader';
import { traineddataFolder } from '../ocr/traineddata';
import { median, writeBenchSection } from './report';
import { SAMPLES_DIR } from '../ocr/fixtures/samples';

const SAMPLES = SAMPLES_DIR;
const work = mkdtempSync(join(tmpdir(), 'ocr-bench-'));
const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a');

interface Screen {
  name: string;
  png: Buffer;
  region: { x: number; y: number; width: number; height: number };
  truth: {
    lines: Array<{ qty?: string; quantity?: string; unitPrice: number; amount: number }>;
    adjustments: Array<{ amount: number }>;
    total: number;
  };
}

function samples(): Screen[] {
  return readdirSync(SAMPLES)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const truth = JSON.parse(readFileSync(join(SAMPLES, f), 'utf8')) as Screen['truth'] & {
        region: Screen['region'];
      };
      return {
        name: f,
        png: readFileSync(join(SAMPLES, f.replace('.json', '.png'))),
        region: truth.region,
        truth,
      };
    });
}

function right(read: ReadOrder, t: Screen['truth']): boolean {
  return (
    read.total === t.total &&
    read.lines.length === t.lines.length &&
    read.lines.every(
      (l, i) =>
        l.amount === t.lines[i]!.amount &&
        l.unitPrice === t.lines[i]!.unitPrice &&
        Number(l.quantity) === Number(t.lines[i]!.quantity ?? t.lines[i]!.qty),
    ) &&
    read.adjustments.every((a, i) => a.amount === t.adjustments[i]?.amount)
  );
}

/** The quick-script baseline: the last number on the line that names the total. */
function totalFromText(text: string): number | null {
  const lines = text.split('\n').filter((l) => /total|due|pay|合计|应收|总计|应付/i.test(l));
  const m = /(-?[\d,]+\.\d{2})\s*$/.exec((lines[lines.length - 1] ?? '').trim());
  return m ? parseMinor(m[1]!) : null;
}

async function crop(s: Screen): Promise<Buffer> {
  const r = s.region;
  return sharp(s.png)
    .extract({ left: r.x, top: r.y, width: r.width, height: r.height })
    .png()
    .toBuffer();
}

async function benchPipeline(screens: Screen[], label: string) {
  const reader = createOrderReader({});
  await reader.readImage(screens[0]!.png, screens[0]!.region); // warm-up
  const stages: Record<string, number[]> = {
    preprocess: [],
    ocr: [],
    check: [],
    rows: [],
    total: [],
  };
  let ok = 0;
  let wrong = 0;
  let totals = 0;
  for (const s of screens) {
    const read = await reader.readImage(s.png, s.region);
    for (const k of Object.keys(stages)) stages[k]!.push(read.timings[k] ?? 0);
    if (read.total === s.truth.total) totals++;
    if (read.status === 'ok' && right(read, s.truth)) ok++;
    else if (read.status === 'ok') wrong++;
  }
  await reader.close();
  const n = screens.length;
  return `| our pipeline (${label}) | ${n} | ${ms(median(stages.preprocess!))} | ${ms(median(stages.ocr!))} | ${ms(median(stages.check!))} | ${ms(median(stages.rows!))} | ${ms(median(stages.total!))} | ${((100 * totals) / n).toFixed(0)}% | ${((100 * ok) / n).toFixed(0)}% | ${wrong} |`;
}

async function benchTesseractJsDefaults(screens: Screen[]) {
  // Defaults: OEM default (legacy + LSTM, the full 4.0.0 data), PSM auto, no preprocessing.
  // langPath must still point at the npm package: the default is a CDN and we are offline.
  const worker = await createWorker(['eng'], OEM.DEFAULT, {
    langPath: traineddataFolder('eng', 'full'),
    gzip: true,
    cachePath: join(work, 'full'),
  });
  const times: number[] = [];
  let totals = 0;
  for (const s of screens) {
    const png = await crop(s);
    const t = performance.now();
    const { data } = await worker.recognize(png);
    times.push(performance.now() - t);
    if (totalFromText(data.text) === s.truth.total) totals++;
  }
  await worker.terminate();
  return `| tesseract.js defaults (eng, full data, region only, total line) | ${screens.length} | – | ${ms(median(times))} | – | – | ${ms(median(times))} | ${((100 * totals) / screens.length).toFixed(0)}% | – | – |`;
}

async function benchTesseractCli(screens: Screen[]) {
  const times: number[] = [];
  let totals = 0;
  for (const [i, s] of screens.entries()) {
    const file = join(work, `cli-${i}.png`);
    writeFileSync(file, await crop(s));
    const t = performance.now();
    const text = execFileSync('tesseract', [file, '-', '-l', 'eng+chi_sim'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    times.push(performance.now() - t);
    if (totalFromText(text) === s.truth.total) totals++;
  }
  return `| \`tesseract\` CLI (eng+chi_sim, region, total line) | ${screens.length} | – | ${ms(median(times))} | – | – | ${ms(median(times))} | ${((100 * totals) / screens.length).toFixed(0)}% | – | – |`;
}

async function benchCapture(): Promise<string[]> {
  const rows: string[] = [];
  const choices: BackendChoice[] = ['native', 'node-screenshots', 'screenshot-desktop'];
  const medians: Record<string, number> = {};
  for (const c of choices) {
    if (!pickBackend(c)) {
      rows.push(`| ${c} | not available | | |`);
      continue;
    }
    const raw: number[] = [];
    const png: number[] = [];
    const n = c === 'screenshot-desktop' ? 10 : 40;
    for (let i = 0; i < n; i++) {
      let t = performance.now();
      await captureRegionRaw({ x: 40, y: 40, width: 600, height: 400 }, c);
      raw.push(performance.now() - t);
      t = performance.now();
      await captureRegion({ x: 40, y: 40, width: 600, height: 400 }, c);
      png.push(performance.now() - t);
    }
    medians[c] = median(raw);
    rows.push(`| ${c} | ${ms(median(raw))} | ${ms(median(png))} | ${n} |`);
  }
  if (medians.native && medians['screenshot-desktop']) {
    rows.push(
      `\nNative vs screenshot-desktop: **${(medians['screenshot-desktop'] / medians.native).toFixed(0)}×** faster; vs node-screenshots: **${((medians['node-screenshots'] ?? NaN) / medians.native).toFixed(1)}×**.`,
    );
  }
  return rows;
}

async function benchScreenToOrder(display: string): Promise<string> {
  const screen = await renderScreen({
    seed: 7,
    layout: 'grid',
    lang: 'en',
    theme: 'light',
    count: 10,
    discount: true,
    symbol: '',
  });
  const file = join(work, 'ten-lines.png');
  writeFileSync(file, screen.png);
  const win = await showImage(display, file, 0, 0);
  const reader = createOrderReader({ currency: 'CNY', capture: (r) => captureRegion(r) });
  const region = { display: 0, ...screen.region };
  await reader.readScreen(region);
  const totals: number[] = [];
  const captures: number[] = [];
  let ok = 0;
  for (let i = 0; i < 15; i++) {
    const read = await reader.readScreen(region);
    totals.push(read.timings.total ?? NaN);
    captures.push(read.timings.capture ?? NaN);
    if (read.status === 'ok' && read.total === screen.truth.total) ok++;
  }
  await reader.close();
  await stopProcess(win);
  return `Capture → parsed order, 10-line grid on Xvfb, warm, 15 runs: median **${ms(median(totals))}** (capture ${ms(median(captures))}), ${ok}/15 ok with the right total.`;
}

const xvfb = await startXvfb(1280, 800, 170);
process.env.DISPLAY = xvfb.display;
const bg = await showImage(xvfb.display, join(SAMPLES, '0007.png'), 0, 0);
const captureRows = await benchCapture();
await stopProcess(bg);
const screenToOrder = await benchScreenToOrder(xvfb.display);
await xvfb.stop();
const sampleScreens = samples();
const rendered = (await renderScreenSet(24, 1)).map((s, i) => ({
  ...s,
  name: `r${i}`,
  truth: { ...s.truth, lines: s.truth.lines },
}));
const pipelineRows = [
  await benchPipeline(sampleScreens, 'samples'),
  await benchPipeline(rendered, 'rendered'),
];
const jsRow = await benchTesseractJsDefaults(sampleScreens);
const cliRow = await benchTesseractCli(sampleScreens);

const md = `## OCR: capture, preprocessing, OCR, parsing

Run ${new Date().toISOString()} on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} (shared with other work; medians).

### Region capture, 600×400 on Xvfb 1280×800

| back-end | raw pixels | as PNG | runs |
| --- | --- | --- | --- |
${captureRows.join('\n')}

### Reading orders (per screen, medians)

"totals right" = the total matches the truth whatever the status; "ok & right" = auto-accepted
and every number right; "silent wrong" = status ok while a number is wrong (must be 0).

| reader | screens | preprocess | OCR | parse + check (digit re-reads) | row re-reads | total | totals right | ok & right | silent wrong |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${pipelineRows.join('\n')}
${jsRow}
${cliRow}

${screenToOrder}
`;
writeBenchSection('ocr', md);
console.log(md);
