// Order reader benchmark (issue 10): `npm run bench -- reader`. Side by side in one run, the
// two engines interleaved screen by screen so machine noise hits both: PaddleOCR + layout
// reader (default) and the tesseract.js pipeline, plus the `tesseract` CLI's time on the same
// crops as a floor. Real screens (../shared/samples/real-pos-screens), the rendered samples
// and our own renders (two-row receipts included). Peak RSS per engine in a process of its own.
// Writes the `reader` section of docs/benchmarks.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { renderScreenSet } from '../ocr/fixtures/screen-set';
import { renderScreen } from '../ocr/fixtures/render-screen';
import { renderVariant, VARIANTS } from '../ocr/fixtures/render-variants';
import { REAL_SAMPLES_DIR, SAMPLES_DIR } from '../ocr/fixtures/samples';
import { createOrderReader, type OcrEngineName } from '../ocr/order-reader';
import { readMatchesTruth } from '../ocr/fixtures/truth';
import { median, writeBenchSection } from './report';

interface Truth {
  lines: Array<{
    qty?: string;
    quantity?: string;
    unitPrice: number | null;
    amount: number | null;
  }>;
  adjustments: Array<{ amount: number }>;
  total: number;
}
interface Screen {
  name: string;
  png: Buffer;
  region: { x: number; y: number; width: number; height: number };
  truth: Truth;
}

function folder(dir: string): Screen[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^\d+\.json$/.test(f))
    .sort()
    .map((f) => {
      const t = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Truth & {
        region: Screen['region'];
      };
      return {
        name: f.slice(0, -5),
        png: readFileSync(join(dir, f.replace('.json', '.png'))),
        region: t.region,
        truth: t,
      };
    });
}

const ENGINES: OcrEngineName[] = ['paddle', 'tesseract'];

/**
 * Peak RSS (MB) of a process of its own that starts one engine and reads: every sample screen
 * once (`all`: many shapes, which fragments the allocator), or one region 20 times as a station
 * does (`grid`: a 10-line grid; `large`: the largest real region, 1380×950).
 */
function peakRss(engine: OcrEngineName, mode: 'all' | 'grid' | 'large'): number {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', import.meta.filename, '--rss', engine, mode],
    { encoding: 'utf8' },
  );
  return Number(/rss=(\d+)/.exec(r.stdout)?.[1] ?? NaN);
}

async function rssChild(engine: OcrEngineName, mode: string) {
  const reader = createOrderReader({ engine, currency: 'CNY' });
  if (mode === 'all') {
    for (const s of [...folder(REAL_SAMPLES_DIR), ...folder(SAMPLES_DIR)]) {
      await reader.readImage(s.png, s.region);
    }
  } else {
    const one =
      mode === 'grid'
        ? await renderScreen({
            seed: 7,
            layout: 'grid',
            lang: 'en',
            theme: 'light',
            count: 10,
            discount: true,
            symbol: '$',
          })
        : folder(REAL_SAMPLES_DIR).find((s) => s.name === '0002');
    for (let i = 0; one && i < 20; i++) await reader.readImage(one.png, one.region);
  }
  await reader.close();
  console.log(`rss=${peakRssMb()}`);
}

/**
 * This process's own peak RSS. Linux carries `maxRSS` (getrusage) over fork and exec, so a child
 * of the big bench process would report the bench's peak; VmHWM is the peak of this process's
 * own memory since exec.
 */
function peakRssMb(): number {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Math.round(Number(hwm[1]) / 1024);
  } catch {
    // not Linux: getrusage below
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

async function main() {
  const own = [
    ...(await renderScreenSet(24, 201)),
    ...(await Promise.all(
      [1, 2, 3, 4].map((seed) =>
        renderScreen({
          seed: 400 + seed,
          layout: 'receipt',
          lang: seed % 2 ? 'en' : 'zh',
          theme: 'light',
          count: 6,
          discount: seed % 2 === 0,
          symbol: '¥',
        }),
      ),
    )),
    ...(await Promise.all(
      VARIANTS.flatMap((v) => [1, 2, 3, 4].map((seed) => renderVariant(v, 100 + seed))),
    )),
  ].map((s, i) => ({
    name: `own ${i + 1}`,
    png: s.png,
    region: s.region,
    truth: { ...s.truth, lines: s.truth.lines },
  }));
  const sets: Array<[string, Screen[]]> = [
    ['real screens', folder(REAL_SAMPLES_DIR)],
    ['rendered samples', folder(SAMPLES_DIR)],
    [
      'own renders (grid, mono, receipts, qty @ price, 元, tax on top, barcodes, price first, name (qty), steppers, line discounts, VAT column)',
      own,
    ],
  ];
  const readers = Object.fromEntries(
    ENGINES.map((e) => [e, createOrderReader({ engine: e, currency: 'CNY' })]),
  );
  // Warm both: the first reads pay for JIT and lazy model set-up.
  const warm = own.slice(0, 3);
  for (const s of warm) for (const e of ENGINES) await readers[e]!.readImage(s.png, s.region);

  const rows: string[] = [];
  const perScreen: string[] = [];
  for (const [label, screens] of sets) {
    if (screens.length === 0) {
      rows.push(`| ${label} | (folder absent) | | | | |`);
      continue;
    }
    const stats = Object.fromEntries(
      ENGINES.map((e) => [e, { totals: 0, auto: 0, silent: 0, ms: [] as number[] }]),
    );
    const cli: number[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'reader-bench-'));
    for (const s of screens) {
      for (const e of ENGINES) {
        const t0 = performance.now();
        const read = await readers[e]!.readImage(s.png, s.region);
        const st = stats[e]!;
        st.ms.push(performance.now() - t0);
        const ok = readMatchesTruth(read, s.truth);
        if (read.total === s.truth.total) st.totals++;
        if (read.status === 'ok' && ok) st.auto++;
        if (read.status === 'ok' && !ok) st.silent++;
        if (label === 'real screens' && e === 'paddle') {
          const why = read.warnings
            .map((w) => w.code)
            .filter((c, i, a) => a.indexOf(c) === i)
            .join(', ');
          perScreen.push(
            `| ${s.name} | ${read.status === 'ok' ? (ok ? 'accepted, right' : '**accepted, WRONG**') : ok ? 'flagged (numbers right)' : 'flagged'} | ${read.total === s.truth.total ? 'yes' : 'no'} | ${why || '—'} |`,
          );
        }
      }
      const crop = join(dir, 'crop.png');
      writeFileSync(
        crop,
        await sharp(s.png)
          .extract({
            left: s.region.x,
            top: s.region.y,
            width: s.region.width,
            height: s.region.height,
          })
          .png()
          .toBuffer(),
      );
      const t0 = performance.now();
      try {
        execFileSync('tesseract', [crop, 'stdout', '-l', 'eng+chi_sim', '--psm', '6'], {
          stdio: 'pipe',
        });
        cli.push(performance.now() - t0);
      } catch {
        // no tesseract CLI here: the column says n/a
      }
    }
    const n = screens.length;
    const pct = (v: number) => `${v}/${n} (${Math.round((100 * v) / n)}%)`;
    for (const e of ENGINES) {
      const st = stats[e]!;
      rows.push(
        `| ${label} | ${e} | ${pct(st.totals)} | ${pct(st.auto)} | ${st.silent} | ${median(st.ms).toFixed(0)} ms |`,
      );
    }
    rows.push(
      `| ${label} | tesseract CLI (text only, no parsing) | | | | ${cli.length ? `${median(cli).toFixed(0)} ms` : 'n/a'} |`,
    );
  }
  // A 10-line grid region, warm, median of 15 reads per engine, interleaved.
  const ten = await renderScreen({
    seed: 7,
    layout: 'grid',
    lang: 'en',
    theme: 'light',
    count: 10,
    discount: true,
    symbol: '$',
  });
  const tenMs = Object.fromEntries(ENGINES.map((e) => [e, [] as number[]]));
  for (let i = 0; i < 15; i++) {
    for (const e of ENGINES) {
      const t0 = performance.now();
      await readers[e]!.readImage(ten.png, ten.region);
      tenMs[e]!.push(performance.now() - t0);
    }
  }
  for (const e of ENGINES) await readers[e]!.close();
  const rss = Object.fromEntries(
    ENGINES.map((e) => [
      e,
      { all: peakRss(e, 'all'), grid: peakRss(e, 'grid'), large: peakRss(e, 'large') },
    ]),
  );
  const md = `## Order reader: engines side by side (issue 10)

Both engines read every screen in one run, interleaved screen by screen. *Totals*: total read
exactly. *Accepted*: \`ok\` and every number right. *Silent wrong*: \`ok\` with a wrong number.
Time: warm, per region, median.

| screens | engine | totals exact | accepted and right | silent wrong | time |
| --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

10-line grid region, warm, median of 15: paddle ${median(tenMs.paddle!).toFixed(0)} ms, tesseract ${median(tenMs.tesseract!).toFixed(0)} ms.
Peak RSS, a process of its own per figure (Node + tsx included):
| engine | one 10-line region, 20 reads | the largest real region (1380×950), 20 reads | every sample screen once |
| --- | --- | --- | --- |
${ENGINES.map((e) => `| ${e} | ${rss[e]!.grid} MB | ${rss[e]!.large} MB | ${rss[e]!.all} MB |`).join('\n')}

Reading many differently sized screens in one process fragments the allocator (the detector's
activations follow each screen's shape); a station reads one calibrated region again and again.

Real screens, PaddleOCR + layout reader, one row per screen:

| screen | result | total | why flagged |
| --- | --- | --- | --- |
${perScreen.join('\n')}
`;
  console.log(md);
  writeBenchSection('reader', md);
}

if (process.argv[2] === '--rss')
  await rssChild(process.argv[3] as OcrEngineName, process.argv[4] ?? 'all');
else await main();
