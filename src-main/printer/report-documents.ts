import { formatMinor } from '../contract/money';
import type { ItemReport } from '../ledger/item-report';
import {
  PAPER_COLUMNS,
  text,
  twoColumns,
  wrapWidth,
  type PaperWidth,
  type PrintBlock,
} from './document';
import type { StoreLanguage } from './payment-names';
import { receiptTime, rule } from './receipt';

const LABELS = {
  en: { title: 'SALES BY ITEM', date: 'Day', printed: 'Printed', orders: 'Orders', total: 'Total' },
  'zh-CN': {
    title: '商品销售汇总',
    date: '日期',
    printed: '打印时间',
    orders: '订单数',
    total: '合计',
  },
} as const;

/** The item report on paper: each item's name, then quantity and amount; orders and total. */
export function itemReportDocument(
  report: ItemReport,
  options: {
    storeName: string;
    paper: PaperWidth;
    language: StoreLanguage;
    currency: string;
    at: number;
  },
): PrintBlock[] {
  const cols = PAPER_COLUMNS[options.paper];
  const L = LABELS[options.language];
  const money = (minor: number) => formatMinor(minor, options.currency);
  const out: PrintBlock[] = [
    text(options.storeName, { align: 'center', bold: true, big: true }),
    text(L.title, { align: 'center', bold: true }),
    rule(cols),
    text(twoColumns(L.date, report.date, cols)),
    text(twoColumns(L.printed, receiptTime(options.at), cols)),
    rule(cols),
  ];
  for (const item of report.items) {
    for (const part of wrapWidth(item.name, cols)) out.push(text(part));
    out.push(text(twoColumns(`  × ${item.quantity}`, money(item.amount), cols)));
  }
  const total = report.items.reduce((s, i) => s + i.amount, 0);
  out.push(
    rule(cols),
    text(twoColumns(L.orders, String(report.orders), cols)),
    text(twoColumns(L.total, `${options.currency} ${money(total)}`, cols), { bold: true }),
    { kind: 'feed', lines: 2 },
    { kind: 'cut' },
  );
  return out;
}
