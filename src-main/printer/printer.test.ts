import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { socatPair, waitFor, type SocatPair } from '../devices/test-support/socat-pair';
import { printerConfigSchema, type PrinterConfig } from './config';
import { displayWidth, PAPER_COLUMNS } from './document';
import { encodeDocument } from './escpos';
import { createPrinterService } from './printer-service';
import { receiptDocument, type ReceiptData } from './receipt';
import { decodeEscPos, printedLines } from './test-support/escpos-decode';
import { simulateSerialPrinter, simulateTcpPrinter } from './test-support/printer-simulator';

const chineseOrder: ReceiptData = {
  kind: 'payment',
  storeName: '街角便利店',
  storeMessage: '谢谢惠顾',
  orderId: 'O-20261201-0042',
  lines: [
    { name: '农夫山泉 550ml', quantity: '2', unitPrice: 200, amount: 400 },
    { name: '康师傅红烧牛肉面（桶装）大份加量超值装', quantity: '1', unitPrice: 550, amount: 550 },
    { name: '散装苹果', quantity: '0.536', unitPrice: 1280, amount: 686 },
  ],
  adjustments: [{ label: '会员折扣', amount: -100 }],
  orderTotal: 1536,
  amount: 1536,
  currency: 'CNY',
  method: 'code',
  platform: 'wechat',
  reference: '4200001234202612010042',
  at: new Date(2026, 11, 1, 14, 3, 22).getTime(),
  cashier: '王芳',
};

const config = (patch: Partial<PrinterConfig>): PrinterConfig =>
  printerConfigSchema.parse({
    enabled: true,
    connection: { type: 'tcp', host: '127.0.0.1' },
    ...patch,
  });

describe('receipt layout and ESC/POS bytes', () => {
  it('a Chinese order decodes to the same characters (GB18030) and layout', () => {
    const doc = receiptDocument(chineseOrder, { paper: 58, language: 'zh-CN', code: 'qr' });
    const bytes = encodeDocument(doc, 'gb18030');
    // The bytes are GB18030, not UTF-8: 微信支付 is CE A2 D0 C5 D6 A7 B8 B6.
    expect(bytes.includes(Buffer.from('cea2d0c5d6a7b8b6', 'hex'))).toBe(true);
    expect(bytes.includes(Buffer.from('微信', 'utf8'))).toBe(false);
    const decoded = decodeEscPos(bytes);
    expect(decoded.unknown).toEqual([]);
    expect(decoded.chineseMode).toBe(true);
    expect(decoded.blocks).toEqual(doc);
    const lines = printedLines(decoded);
    expect(lines).toContain('收款小票');
    expect(lines).toContain('合计          CNY 15.36'.replace(/ +/, ' '.repeat(32 - 4 - 9)));
    expect(lines).toContain('[QR 4200001234202612010042]');
    expect(lines.some((l) => l.startsWith('支付方式') && l.endsWith('微信支付 (付款码)'))).toBe(
      true,
    );
    // The long item name wraps at 32 columns, Chinese characters counting two.
    expect(lines).toContain('康师傅红烧牛肉面（桶装）大份加量');
    expect(lines).toContain('超值装');
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(PAPER_COLUMNS[58]);
    const apples = lines.indexOf('散装苹果');
    expect(lines[apples + 1]).toBe(`  0.536 × 12.80${' '.repeat(32 - 15 - 4)}6.86`);
  });

  it('80 mm paper, English labels and a CODE128 barcode', () => {
    const doc = receiptDocument(
      { ...chineseOrder, kind: 'refund', amount: 400, refundId: 'R-7' },
      { paper: 80, language: 'en', code: 'barcode' },
    );
    const decoded = decodeEscPos(encodeDocument(doc, 'gb18030'));
    expect(decoded.blocks).toEqual(doc);
    const lines = printedLines(decoded);
    expect(lines).toContain('REFUND');
    expect(lines).toContain('Refund: R-7');
    expect(lines).toContain('[BARCODE 4200001234202612010042]');
    expect(lines.find((l) => l.startsWith('Refunded'))).toBe(
      `Refunded${' '.repeat(48 - 8 - 8)}CNY 4.00`,
    );
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(48);
  });

  it('an ASCII printer gets question marks, never bytes it would print as garbage', () => {
    const bytes = encodeDocument(
      [{ kind: 'text', text: '苹果 apple', align: 'left', bold: false, big: false }],
      'ascii',
    );
    expect(printedLines(decodeEscPos(bytes))).toEqual(['?? apple']);
    expect([...bytes].every((b) => b < 0x80)).toBe(true);
    expect(iconv.decode(Buffer.from([0xce, 0xa2]), 'gb18030')).toBe('微');
  });
});

/** Bytes cross a socket or pty in chunks, after the writer is done: wait until the cut arrived. */
const untilCut = (printer: { received(): Buffer }) =>
  waitFor(() => decodeEscPos(printer.received()).blocks.some((b) => b.kind === 'cut'), 'the cut');

describe('printing over the wire', () => {
  let dir: string;
  let pair: SocatPair;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'printer-'));
    pair = socatPair(dir, 'printer');
    await pair.start();
  });
  afterAll(async () => {
    await pair.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const doc = receiptDocument(chineseOrder, { paper: 80, language: 'zh-CN', code: 'qr' });

  it('raw TCP (port 9100 style): status asked first, then the receipt, decoded as meant', async () => {
    const printer = await simulateTcpPrinter();
    try {
      const service = createPrinterService(
        config({ connection: { type: 'tcp', host: '127.0.0.1', port: printer.port } }),
      );
      const result = await service.print(doc, 'receipt P1');
      expect(result).toEqual({ ok: true, value: { bytes: encodeDocument(doc, 'gb18030').length } });
      await untilCut(printer);
      const decoded = decodeEscPos(printer.received());
      expect(decoded.statusRequests).toEqual([4, 1]);
      expect(decoded.blocks).toEqual(doc);
      expect(service.status()).toMatchObject({ state: 'ready', paper: 'ok', lastError: null });
    } finally {
      await printer.close();
    }
  });

  it('serial through a socat pty pair', async () => {
    const printer = await simulateSerialPrinter(pair.host);
    try {
      const service = createPrinterService(
        config({ connection: { type: 'serial', path: pair.device, baudRate: 9600 } }),
      );
      const result = await service.print(doc, 'receipt P2');
      expect(result.ok).toBe(true);
      await untilCut(printer);
      expect(decodeEscPos(printer.received()).blocks).toEqual(doc);
    } finally {
      await printer.close();
    }
  });

  it('paper out: nothing printed, the panel says so, the caller gets a result (no throw)', async () => {
    const printer = await simulateTcpPrinter();
    printer.paper = 'out';
    try {
      const service = createPrinterService(
        config({ connection: { type: 'tcp', host: '127.0.0.1', port: printer.port } }),
      );
      const result = await service.print(doc, 'receipt P3');
      expect(result).toMatchObject({ ok: false, error: { code: 'paper_out' } });
      expect(decodeEscPos(printer.received()).blocks).toEqual([]);
      expect(service.status()).toMatchObject({ state: 'paper_out', paper: 'out' });
      expect(service.status().lastError).toContain(
        'receipt P3 not printed: the printer is out of paper',
      );
      printer.paper = 'ok';
      expect((await service.check()).state).toBe('ready');
    } finally {
      await printer.close();
    }
  });

  it('offline: a closed port and a printer that never answers are both offline', async () => {
    const printer = await simulateTcpPrinter();
    const port = printer.port;
    printer.mute = true;
    const quiet = createPrinterService(
      config({ connection: { type: 'tcp', host: '127.0.0.1', port }, timeoutMs: 300 }),
    );
    expect(await quiet.print(doc, 'receipt P4')).toMatchObject({
      ok: false,
      error: { code: 'offline' },
    });
    await printer.close();
    const gone = createPrinterService(
      config({ connection: { type: 'tcp', host: '127.0.0.1', port }, timeoutMs: 500 }),
    );
    const r = await gone.print(doc, 'receipt P5');
    expect(r).toMatchObject({ ok: false, error: { code: 'offline' } });
    expect(gone.status().state).toBe('offline');
    expect(gone.status().lastError).toMatch(/receipt P5 not printed: .*ECONNREFUSED/);
  });

  it('USB: writes to the printer-class device file and never creates a missing one', async () => {
    const device = join(dir, 'lp0');
    writeFileSync(device, '');
    const service = createPrinterService(config({ connection: { type: 'usb', path: device } }));
    expect((await service.print(doc, 'receipt P6')).ok).toBe(true);
    expect(decodeEscPos(readFileSync(device)).blocks).toEqual(doc);
    const missing = createPrinterService(
      config({ connection: { type: 'usb', path: join(dir, 'lp9') } }),
    );
    expect(await missing.print(doc, 'receipt P7')).toMatchObject({
      ok: false,
      error: { code: 'offline' },
    });
    expect(() => readFileSync(join(dir, 'lp9'))).toThrow();
  });

  it('an enabled printer without a connection is a config error that names the key', () => {
    const r = printerConfigSchema.safeParse({ enabled: true });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['connection']);
  });
});
