// Times the capture layer on one region and prints the samples as one JSON line:
// {"backend", "raw": [ms…], "png": [ms…]}. The Windows capture benchmark runs it with the Windows
// node.exe under Wine and with the Linux node on the same X screen, so both sides time the same
// code (capture.ts over the native addon) on the same pixels:
//   node --import tsx capture-timing.ts X Y WIDTH HEIGHT RUNS
import { captureRegion, captureRegionRaw, pickBackend } from '../../capture/capture';

const [x, y, width, height, runs] = process.argv.slice(2).map(Number) as number[];
if (![x, y, width, height, runs].every((n) => Number.isInteger(n) && n! >= 0)) {
  process.stderr.write('usage: capture-timing.ts X Y WIDTH HEIGHT RUNS\n');
  process.exit(2);
}
const region = { x, y, width, height };
const backend = pickBackend('native');
if (!backend) {
  process.stderr.write('capture-timing: the native capture addon is not built for this platform\n');
  process.exit(1);
}
// The first grab opens the display connection (X11) or the screen DC (GDI): not timed.
const first = await captureRegionRaw(region, 'native');
if (!first.ok) {
  process.stderr.write(`capture-timing: ${first.error}\n`);
  process.exit(1);
}
const raw: number[] = [];
const png: number[] = [];
for (let i = 0; i < runs!; i++) {
  let t = performance.now();
  const a = await captureRegionRaw(region, 'native');
  raw.push(performance.now() - t);
  t = performance.now();
  const b = await captureRegion(region, 'native');
  png.push(performance.now() - t);
  if (!a.ok || !b.ok) {
    process.stderr.write(`capture-timing: ${a.ok ? '' : a.error} ${b.ok ? '' : b.error}\n`);
    process.exit(1);
  }
}
process.stdout.write(`${JSON.stringify({ platform: process.platform, raw, png })}\n`);
