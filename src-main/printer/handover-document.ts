import { formatMinor } from '../contract/money';
import type { ShiftReport } from '../ledger/shift-store';
import { PAPER_COLUMNS, text, twoColumns, type PaperWidth, type PrintBlock } from './document';
import type { StoreLanguage } from './payment-names';
import { receiptTime, rule } from './receipt';

const LABELS = {
  en: {
    title: 'SHIFT HANDOVER',
    cashier: 'Cashier',
    opened: 'Opened',
    closed: 'Closed',
    takenFrom: 'Taken over from',
    handedTo: 'Handed to',
    paid: 'Payments',
    refunded: 'Refunds',
    net: 'Net',
    byMethod: 'By method',
    byProvider: 'By wallet / provider',
    float: 'Float (expected cash)',
    counted: 'Counted cash',
    difference: 'Difference',
    signature: 'Signatures',
    open: 'open',
  },
  'zh-CN': {
    title: '交接班报表',
    cashier: '收银员',
    opened: '上班时间',
    closed: '交班时间',
    takenFrom: '接班自',
    handedTo: '交班给',
    paid: '收款',
    refunded: '退款',
    net: '净收',
    byMethod: '按支付方式',
    byProvider: '按钱包/通道',
    float: '备用金（应有现金）',
    counted: '实点现金',
    difference: '差额',
    signature: '签字',
    open: '未交班',
  },
} as const;

const METHOD_NAMES: Record<StoreLanguage, Record<string, string>> = {
  en: { code: 'Payment code', face: 'Face', proxy: 'Proxy', qr: 'Merchant QR' },
  'zh-CN': { code: '付款码', face: '刷脸', proxy: '代付', qr: '商家收款码' },
};

/** The handover report on paper: who, when, the shift's money by method and provider, the cash. */
export function handoverDocument(
  report: ShiftReport,
  options: { storeName: string; paper: PaperWidth; language: StoreLanguage; currency: string },
): PrintBlock[] {
  const cols = PAPER_COLUMNS[options.paper];
  const L = LABELS[options.language];
  const m = (minor: number) => formatMinor(minor, options.currency);
  const s = report.shift;
  const row = (label: string, value: string, bold = false) =>
    text(twoColumns(label, value, cols), { bold });
  const out: PrintBlock[] = [
    text(options.storeName, { align: 'center', bold: true, big: true }),
    text(L.title, { align: 'center', bold: true }),
    rule(cols),
    row(L.cashier, s.cashierName),
    row(L.opened, receiptTime(s.openedAt)),
    row(L.closed, s.closedAt === null ? L.open : receiptTime(s.closedAt)),
  ];
  if (s.takenFrom) out.push(row(L.takenFrom, s.takenFrom.cashierName));
  if (s.handedTo) out.push(row(L.handedTo, s.handedTo));
  out.push(
    rule(cols),
    row(`${L.paid} × ${report.paid.count}`, m(report.paid.total)),
    row(`${L.refunded} × ${report.refunded.count}`, m(-report.refunded.total)),
    row(L.net, `${options.currency} ${m(report.net)}`, true),
    rule(cols),
    text(L.byMethod, { bold: true }),
    ...report.byMethod.map((g) =>
      row(`  ${METHOD_NAMES[options.language][g.key] ?? g.key} × ${g.count}`, m(g.total)),
    ),
    text(L.byProvider, { bold: true }),
    ...report.byProvider.map((g) => row(`  ${g.key} × ${g.count}`, m(g.total))),
    rule(cols),
    row(L.float, m(report.expectedCash)),
    row(L.counted, report.countedCash === null ? '-' : m(report.countedCash)),
    row(L.difference, report.difference === null ? '-' : m(report.difference), true),
    { kind: 'feed', lines: 1 },
    text(`${L.signature}:`),
    { kind: 'feed', lines: 3 },
    { kind: 'cut' },
  );
  return out;
}
