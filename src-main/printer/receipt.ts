import { formatMinor } from '../contract/money';
import type { PaymentMethod } from '../contract/credential';
import type { PaymentPlatform } from '../contract/payment-code';
import {
  PAPER_COLUMNS,
  text,
  twoColumns,
  wrapWidth,
  type PaperWidth,
  type PrintBlock,
} from './document';
import { paymentName, type StoreLanguage } from './payment-names';

/** One order line as the ledger keeps it. */
export interface ReceiptLine {
  name: string;
  quantity: string;
  unitPrice: number | null;
  amount: number;
}

/** Everything a payment or refund receipt prints; amounts in minor units. */
export interface ReceiptData {
  kind: 'payment' | 'refund';
  storeName: string;
  storeMessage?: string;
  orderId: string;
  lines: readonly ReceiptLine[];
  adjustments: readonly { label: string; amount: number }[];
  /** The order's total. */
  orderTotal: number;
  /** What this payment (or refund) moved: a part of a split order pays less than the total. */
  amount: number;
  currency: string;
  method: PaymentMethod;
  platform: PaymentPlatform | null;
  /** The payment system's reference, printed as QR or barcode; the attempt id when it gave none. */
  reference: string;
  refundId?: string;
  at: number;
  cashier: string | null;
}

/** How receipts are laid out. */
export interface ReceiptStyle {
  paper: PaperWidth;
  language: StoreLanguage;
  code: 'qr' | 'barcode' | 'none';
}

const LABELS = {
  en: {
    payment: 'RECEIPT',
    refund: 'REFUND',
    order: 'Order',
    time: 'Time',
    cashier: 'Cashier',
    total: 'Total',
    paid: 'Paid',
    refunded: 'Refunded',
    method: 'Paid with',
    reference: 'Reference',
    refundId: 'Refund',
  },
  'zh-CN': {
    payment: '收款小票',
    refund: '退款小票',
    order: '订单',
    time: '时间',
    cashier: '收银员',
    total: '合计',
    paid: '实收',
    refunded: '退款',
    method: '支付方式',
    reference: '交易单号',
    refundId: '退款单号',
  },
} as const;

/** Local date and time as the store reads it: 2026-12-01 14:03:22. */
export function receiptTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/**
 * The reference as a code to scan back: CODE128 takes printable ASCII up to 60 characters, so
 * a reference it cannot hold is printed as QR rather than not at all.
 */
export function referenceCode(reference: string, code: ReceiptStyle['code']): PrintBlock[] {
  if (code === 'none') return [];
  if (code === 'barcode' && /^[\x20-\x7e]{1,60}$/.test(reference))
    return [{ kind: 'barcode', data: reference }];
  return [{ kind: 'qr', data: reference }];
}

/** A full-width rule of dashes. */
export const rule = (columns: number): PrintBlock => text('-'.repeat(columns));

/**
 * The receipt for one payment or refund: store, order lines (name, then quantity × price and
 * amount), adjustments, total, what was paid or refunded and how, reference, time and cashier,
 * then the reference as a code the payment system's back office can scan.
 */
export function receiptDocument(data: ReceiptData, style: ReceiptStyle): PrintBlock[] {
  const cols = PAPER_COLUMNS[style.paper];
  const L = LABELS[style.language];
  const money = (minor: number) => formatMinor(minor, data.currency);
  const out: PrintBlock[] = [
    text(data.storeName, { align: 'center', bold: true, big: true }),
    text(data.kind === 'payment' ? L.payment : L.refund, { align: 'center', bold: true }),
    rule(cols),
    text(twoColumns(L.order, data.orderId, cols)),
    text(twoColumns(L.time, receiptTime(data.at), cols)),
  ];
  if (data.cashier) out.push(text(twoColumns(L.cashier, data.cashier, cols)));
  out.push(rule(cols));
  for (const line of data.lines) {
    for (const part of wrapWidth(line.name, cols)) out.push(text(part));
    const qty =
      line.unitPrice === null
        ? `  × ${line.quantity}`
        : `  ${line.quantity} × ${money(line.unitPrice)}`;
    out.push(text(twoColumns(qty, money(line.amount), cols)));
  }
  for (const adj of data.adjustments)
    out.push(text(twoColumns(adj.label, money(adj.amount), cols)));
  out.push(
    rule(cols),
    text(twoColumns(L.total, `${data.currency} ${money(data.orderTotal)}`, cols), { bold: true }),
  );
  const moved = data.kind === 'payment' ? L.paid : L.refunded;
  out.push(
    text(twoColumns(moved, `${data.currency} ${money(data.amount)}`, cols), { bold: true }),
    text(twoColumns(L.method, paymentName(data.method, data.platform, style.language), cols)),
  );
  for (const part of wrapWidth(`${L.reference}: ${data.reference}`, cols)) out.push(text(part));
  if (data.refundId) out.push(text(`${L.refundId}: ${data.refundId}`));
  out.push(...referenceCode(data.reference, style.code));
  if (data.storeMessage) out.push(text(data.storeMessage, { align: 'center' }));
  out.push({ kind: 'feed', lines: 2 }, { kind: 'cut' });
  return out;
}
