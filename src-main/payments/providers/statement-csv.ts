/** One row of the station's statement format (docs/payment-api.md, Statement). */
export interface StatementLine {
  type: 'payment' | 'refund';
  merchantOrderNo: string;
  refundNo: string;
  paymentId: string;
  amount: number;
  currency: string;
  platform: string;
  status: 'paid' | 'reversed' | 'succeeded';
  time: string;
}

const HEADER = 'type,merchant_order_no,refund_no,payment_id,amount,currency,platform,status,time';
const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** Writes provider statement rows in the format the ledger's reconciliation reads. */
export function toStatementCsv(rows: StatementLine[]): string {
  const body = rows.map((r) =>
    [
      r.type,
      r.merchantOrderNo,
      r.refundNo,
      r.paymentId,
      String(r.amount),
      r.currency,
      r.platform,
      r.status,
      r.time,
    ]
      .map(cell)
      .join(','),
  );
  return [HEADER, ...body].join('\r\n') + '\r\n';
}

/** "12.34" (yuan) → 1234 fen, or null when it is not a money amount. */
export function yuanToFen(text: string): number | null {
  const m = /^-?(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 1234 fen → "12.34". */
export function fenToYuan(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}
