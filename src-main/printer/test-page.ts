import { PAPER_COLUMNS, text, type PaperWidth, type PrintBlock } from './document';
import { receiptTime, rule } from './receipt';

/** A page to check a printer with: both languages, both widths' rulers, a QR code and a cut. */
export function testPageDocument(options: {
  storeName: string;
  paper: PaperWidth;
  connection: string;
  at: number;
}): PrintBlock[] {
  const cols = PAPER_COLUMNS[options.paper];
  const ruler = '1234567890'.repeat(5).slice(0, cols);
  return [
    text(options.storeName, { align: 'center', bold: true, big: true }),
    text('Printer test 打印测试', { align: 'center', bold: true }),
    rule(cols),
    text(ruler),
    text(`${options.paper} mm, ${cols} columns / ${cols} 列`),
    text('中文：微信支付 支付宝 云闪付 ¥48.26'),
    text(options.connection),
    text(receiptTime(options.at)),
    { kind: 'qr', data: 'countersign printer test' },
    { kind: 'feed', lines: 2 },
    { kind: 'cut' },
  ];
}
