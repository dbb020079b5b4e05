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
import { showImage, startXvfb, stopProcess } from '../capture/test-support/xvfb';
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

/** Per-screen figures of one reader over a set of screens. */
interface PipelineStats {
  stages: Record<'preprocess' | 'ocr' | 'check' | 'rows' | 'total', number[]>;
  ok: number;
  wrong: number;
  totals: number;
}

/**
 * Our pipeline with the two engines at once (the default) and with the LSTM alone, screen by
 * screen in alternating order, so that load from other work on this shared machine falls on
 * both alike.
 */
async function benchPipeline(screens: Screen[], label: string): Promise<string[]> {
  const readers = [true, false].map((splitColumns) => createOrderReader({ splitColumns }));
  // Warm-up: each tesseract.js worker runs its first jobs on baseline WASM code until V8 has
  // optimised it; a station reads all day, so the figures are for warm workers.
  for (const r of readers) for (const s of screens.slice(0, 3)) await r.readImage(s.png, s.region);
  const stats: PipelineStats[] = readers.map(() => ({
    stages: { preprocess: [], ocr: [], check: [], rows: [], total: [] },
    ok: 0,
    wrong: 0,
    totals: 0,
  }));
  for (const [i, s] of screens.entries()) {
    const order = i % 2 ? [1, 0] : [0, 1];
    for (const k of order) {
      const read = await readers[k]!.readImage(s.png, s.region);
      const st = stats[k]!;
      for (const stage of Object.keys(st.stages) as Array<keyof PipelineStats['stages']>) {
        st.stages[stage].push(read.timings[stage] ?? 0);
      }
      if (read.total === s.truth.total) st.totals++;
      if (read.status === 'ok' && right(read, s.truth)) st.ok++;
      else if (read.status === 'ok') st.wrong++;
    }
  }
  for (const r of readers) await r.close();
  const n = screens.length;
  return stats.map((st, k) => {
    const name = k === 0 ? `${label}, LSTM ‖ legacy` : `${label}, LSTM only`;
    const m = (stage: keyof PipelineStats['stages']) => ms(median(st.stages[stage]));
    return `| our pipeline (${name}) | ${n} | ${m('preprocess')} | ${m('ocr')} | ${m('check')} | ${m('rows')} | ${m('total')} | ${((100 * st.totals) / n).toFixed(0)}% | ${((100 * st.ok) / n).toFixed(0)}% | ${st.wrong} |`;
  });
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

/** Capture → order on a 10-line grid, both OCR plans interleaved run by run. */
async function benchScreenToOrder(display: string): Promise<string[]> {
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
  const readers = [true, false].map((splitColumns) =>
    createOrderReader({ currency: 'CNY', splitColumns, capture: (r) => captureRegion(r) }),
  );
  const region = { display: 0, ...screen.region };
  for (const r of readers) for (let i = 0; i < 3; i++) await r.readScreen(region); // warm-up
  const totals: number[][] = [[], []];
  const captures: number[][] = [[], []];
  const ok = [0, 0];
  for (let i = 0; i < 30; i++) {
    for (const k of i % 2 ? [1, 0] : [0, 1]) {
      const read = await readers[k]!.readScreen(region);
      totals[k]!.push(read.timings.total ?? NaN);
      captures[k]!.push(read.timings.capture ?? NaN);
      if (read.status === 'ok' && read.total === screen.truth.total) ok[k]!++;
    }
  }
  for (const r of readers) await r.close();
  await stopProcess(win);
  return [
    'names (LSTM) ‖ numbers (legacy engine), the default',
    'whole region by the LSTM in two halves',
  ].map(
    (how, k) =>
      `| ${how} | **${ms(median(totals[k]!))}** | ${ms(median(captures[k]!))} | ${ok[k]}/30 |`,
  );
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
  ...(await benchPipeline(sampleScreens, 'samples')),
  ...(await benchPipeline(rendered, 'rendered')),
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

### Capture → parsed order, 10-line grid on Xvfb (warm, 30 runs each, interleaved, median)

| OCR | capture → order | of which capture | ok with the right total |
| --- | --- | --- | --- |
${screenToOrder.join('\n')}
`;
writeBenchSection('ocr', md);
console.log(md);
