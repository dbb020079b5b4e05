import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from '../devices/test-support/socat-pair';
import { decodeEscPos, printedLines } from '../printer/test-support/escpos-decode';
import { simulateTcpPrinter } from '../printer/test-support/printer-simulator';
import { UsageError } from './command';
import { run } from './printer-command';

const io = () => {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  return { io: { stdout, stderr: new PassThrough(), stdin: new PassThrough() }, out: () => out };
};

describe('countersign printer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cs-printer-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints a bilingual test page to a network printer and says it is ready', async () => {
    const printer = await simulateTcpPrinter();
    try {
      const { io: streams, out } = io();
      const code = await run(
        ['test', '--tcp', `127.0.0.1:${printer.port}`, '--paper', '58', '--data-dir', dir],
        streams,
      );
      expect(code).toBe(0);
      expect(JSON.parse(out())).toMatchObject({ printed: true, state: 'ready', paper: 'ok' });
      await waitFor(
        () => decodeEscPos(printer.received()).blocks.some((b) => b.kind === 'cut'),
        'the test page',
      );
      const lines = printedLines(decodeEscPos(printer.received()));
      expect(lines).toContain('Printer test 打印测试');
      expect(lines).toContain('12345678901234567890123456789012');
      expect(lines).toContain('中文：微信支付 支付宝 云闪付 ¥48.26');
    } finally {
      await printer.close();
    }
  });

  it('check: out of paper is exit status 1 with the state; bad options are usage errors', async () => {
    const printer = await simulateTcpPrinter();
    printer.paper = 'out';
    try {
      const { io: streams, out } = io();
      expect(
        await run(['check', '--tcp', `127.0.0.1:${printer.port}`, '--data-dir', dir], streams),
      ).toBe(1);
      expect(JSON.parse(out())).toMatchObject({ state: 'paper_out', paper: 'out' });
    } finally {
      await printer.close();
    }
    await expect(
      run(['check', '--tcp', 'a', '--usb', 'b', '--data-dir', dir], io().io),
    ).rejects.toThrow(UsageError);
    await expect(run(['check', '--data-dir', dir], io().io)).rejects.toThrow(/connection/);
    await expect(run(['print', '--data-dir', dir], io().io)).rejects.toThrow(/check' or 'test/);
  });
});
