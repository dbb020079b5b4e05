import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatMinor, lineAmount } from '../../contract/money';
import type { Wine } from './wine';

const TEST_POS = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'native',
  'build',
  'win32-x64',
  'test-pos.exe',
);

/** An order as the test POS shows it, and as a read must return it (minor units). */
export interface PosOrder {
  lines: Array<{ name: string; quantity: string; unitPrice: number }>;
  adjustments: Array<{ label: string; amount: number }>;
}

/** The order's line amounts and total, by the same rule the reader checks. */
export function orderTruth(order: PosOrder) {
  const lines = order.lines.map((l) => ({ ...l, amount: lineAmount(l.quantity, l.unitPrice) }));
  const total =
    lines.reduce((sum, l) => sum + l.amount, 0) +
    order.adjustments.reduce((sum, a) => sum + a.amount, 0);
  return { lines, adjustments: order.adjustments, total };
}

/** Writes the order file test-pos.exe reads: a header row, the lines, adjustments, total. */
export function writeOrderFile(file: string, order: PosOrder): void {
  const truth = orderTruth(order);
  const rows = [
    ['商品', '数量', '单价', '金额'],
    ...truth.lines.map((l) => [
      l.name,
      l.quantity,
      formatMinor(l.unitPrice),
      formatMinor(l.amount),
    ]),
    ...truth.adjustments.map((a) => [a.label, '', '', formatMinor(a.amount)]),
    ['!合计', '', '', formatMinor(truth.total)],
  ];
  writeFileSync(file, rows.map((r) => r.join('\t')).join('\n') + '\n');
}

/** Where the POS window's client area is, in physical screen pixels; null when minimised. */
export type PosPlace = { x: number; y: number; width: number; height: number; dpi: number } | null;

/** The running test POS window. */
export interface TestPos {
  /** Where it was when it last reported. */
  place: PosPlace;
  /** Sends "move X Y", "minimise" or "restore" and waits for the window's answer. */
  command(line: string): Promise<PosPlace>;
  stop(): Promise<void>;
}

function parsePlace(line: string): PosPlace {
  if (line.endsWith('MINIMISED')) return null;
  const [x, y, width, height, dpi] = line.split(' ').slice(1).map(Number) as number[];
  return { x: x!, y: y!, width: width!, height: height!, dpi: dpi! };
}

/** Starts native/build/win32-x64/test-pos.exe under Wine showing `order`, and waits until painted. */
export async function startTestPos(
  wine: Wine,
  dir: string,
  order: PosOrder,
  x = 40,
  y = 40,
): Promise<TestPos> {
  const file = join(dir, 'order.txt');
  writeOrderFile(file, order);
  const proc: ChildProcess = wine.spawn(TEST_POS, [file, String(x), String(y)]);
  let buffered = '';
  let stderr = '';
  const waiting: Array<(line: string) => void> = [];
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  proc.stdout!.on('data', (d: Buffer) => {
    buffered += d.toString();
    for (let i = buffered.indexOf('\n'); i >= 0; i = buffered.indexOf('\n')) {
      const line = buffered.slice(0, i).trim();
      buffered = buffered.slice(i + 1);
      waiting.shift()?.(line);
    }
  });
  const nextLine = (what: string) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`test-pos.exe did not answer ${what} in 20 s: ${stderr}`)),
        20_000,
      );
      const onExit = () => reject(new Error(`test-pos.exe exited: ${stderr}`));
      proc.once('exit', onExit);
      waiting.push((line) => {
        clearTimeout(timer);
        proc.off('exit', onExit);
        resolve(line);
      });
    });
  const ready = await nextLine('READY');
  if (!ready.startsWith('READY')) throw new Error(`test-pos.exe said: ${ready}`);
  const pos: TestPos = {
    place: parsePlace(ready),
    async command(line) {
      const answer = nextLine(line);
      proc.stdin!.write(`${line}\n`);
      const said = await answer;
      if (!said.startsWith('OK')) throw new Error(`test-pos.exe said: ${said}`);
      pos.place = parsePlace(said);
      return pos.place;
    },
    async stop() {
      if (proc.exitCode !== null) return;
      const exited = new Promise((resolve) => proc.once('exit', resolve));
      proc.stdin!.end('quit\n');
      await exited;
    },
  };
  return pos;
}
