// Windows capture benchmark: `npm run bench -- windows-capture`. Needs Wine, mingw-w64, Xvfb.
// The same 600×400 region of the Win32 test POS window, on one Xvfb screen, grabbed through
// capture.ts and the native addon two ways, in interleaved rounds of the same run:
//   Wine — the mingw build (GDI BitBlt) in the Windows node.exe under Wine;
//   X11  — the Linux build (XShmGetImage) in this Linux node.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestPos } from '../windows/test-support/test-pos';
import { startWine, wineMissing } from '../windows/test-support/wine';
import { median, writeBenchSection } from './report';

const TIMING = join(import.meta.dirname, '..', 'windows', 'test-support', 'capture-timing.ts');
const ROUNDS = 6;
const RUNS = 40;

interface Samples {
  raw: number[];
  png: number[];
}

function parseTiming(stdout: string, stderr: string, who: string): Samples {
  const line = stdout.trim().split('\n').pop();
  if (!line?.startsWith('{')) throw new Error(`${who} capture timing failed: ${stderr}`);
  return JSON.parse(line) as Samples;
}

/** The Linux node on the same screen: capture.ts over the X11 build of the addon. */
function timeOnLinux(display: string, args: string[]): Promise<Samples> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', TIMING, ...args], {
      env: { ...process.env, DISPLAY: display },
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.once('error', reject);
    proc.once('close', () => {
      try {
        resolve(parseTiming(stdout, stderr, 'X11'));
      } catch (error) {
        reject(error as Error);
      }
    });
  });
}

const ms = (v: number) => `${v.toFixed(1)} ms`;
const p95 = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)]!;

async function main() {
  const missing = wineMissing();
  if (missing) {
    console.error(`windows-capture bench: cannot run here: ${missing}`);
    process.exitCode = 1;
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'cs-bench-wincap-'));
  const wine = await startWine();
  const wineSamples: Samples = { raw: [], png: [] };
  const x11Samples: Samples = { raw: [], png: [] };
  try {
    const pos = await startTestPos(
      wine,
      dir,
      {
        lines: [
          { name: '牛奶', quantity: '2', unitPrice: 1250 },
          { name: 'Coffee Beans', quantity: '0.5', unitPrice: 12000 },
        ],
        adjustments: [],
      },
      100,
      80,
    );
    const { x, y, width, height } = pos.place!;
    if (width !== 600 || height !== 400) throw new Error(`the POS area is ${width}×${height}`);
    const args = [x, y, width, height, RUNS].map(String);
    for (let round = 0; round < ROUNDS; round++) {
      const onWine = await wine.node(['--import', 'tsx', TIMING, ...args]);
      const w = parseTiming(onWine.stdout, onWine.stderr, 'Wine');
      const l = await timeOnLinux(wine.display, args);
      wineSamples.raw.push(...w.raw);
      wineSamples.png.push(...w.png);
      x11Samples.raw.push(...l.raw);
      x11Samples.png.push(...l.png);
      console.log(
        `round ${round + 1}: Wine raw ${ms(median(w.raw))}, X11 raw ${ms(median(l.raw))}`,
      );
    }
    await pos.stop();
  } finally {
    await wine.stop();
    rmSync(dir, { recursive: true, force: true });
  }

  const row = (name: string, s: Samples) =>
    `| ${name} | ${ms(median(s.raw))} | ${ms(p95(s.raw))} | ${ms(median(s.png))} | ${s.raw.length} |`;
  const ratio = median(wineSamples.raw) / median(x11Samples.raw);
  const compared =
    ratio > 1.1 || ratio < 0.9
      ? `costs **${ratio.toFixed(1)}×** the X11 grab`
      : `costs about the same as the X11 grab (**${ratio.toFixed(2)}×**)`;
  const load = loadavg()[0]!.toFixed(1);
  const md = `## Windows capture under Wine (issue 17)

Run ${new Date().toISOString()} on ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'} (shared with other work: load average ${load} at the end).
\`npm run bench -- windows-capture\`: a 600×400 region of the Win32 test POS window on one Xvfb
1280×800 screen, through capture.ts and the native addon; ${ROUNDS} interleaved rounds of ${RUNS}
grabs each side (raw = RGBA pixels, PNG = encoded as the reader gets it).

| back-end | raw, median | raw, p95 | as PNG, median | grabs |
| --- | --- | --- | --- | --- |
${row('Windows: GDI BitBlt (mingw build) in node.exe under Wine 8', wineSamples)}
${row('X11: XShmGetImage (Linux build) in Linux node', x11Samples)}

Under Wine the GDI grab ${compared}: Wine answers a BitBlt from the
screen with a GetImage from the X server (it sees windows of Linux programs too) plus its own
conversion. A real Windows PC has no such layer, so this checks that the Windows code path works
and stays small beside the reading (about 1 s), not a figure for Windows itself.`;
  console.log(md);
  writeBenchSection('windows-capture', md);
}

await main();
