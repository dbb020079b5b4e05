import { unzipSync } from 'fflate';
import { parseCsv } from '../../../lib/csv';
import { yuanToFen, type StatementLine } from '../statement-csv';
import type { Result } from '../../../contract/result';

export type AlipayBillResult = Result<StatementLine[], string>;

/**
 * Reads Alipay's trade bill: a zip holding GBK-encoded CSV files, of which the detail file
 * (…业务明细.csv, not …业务明细(汇总).csv) lists one row per trade (业务类型 交易) and per refund
 * (退款), between '#' comment lines; values are padded with tabs and spaces. The footer's
 * 交易合计/退款合计 counts, when present, must match the rows read. A refund row without a
 * request number is a cancellation's refund (alipay.trade.cancel, action refund): the trade
 * counts as reversed, as the ledger records it.
 */
export function parseAlipayBillZip(zip: Uint8Array): AlipayBillResult {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip);
  } catch {
    return { ok: false, error: 'the bill is not a zip file' };
  }
  const name = Object.keys(files).find((n) => n.includes('业务明细') && !n.includes('汇总'));
  if (!name) return { ok: false, error: 'the zip has no 业务明细 file' };
  return parseAlipayBillCsv(new TextDecoder('gbk').decode(files[name]));
}

/** Parses the detail CSV (already decoded). */
export function parseAlipayBillCsv(text: string): AlipayBillResult {
  const all = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const comments = all.filter((l) => l.startsWith('#')).join('\n');
  const rows = parseCsv(all.filter((l) => l.trim() !== '' && !l.startsWith('#')).join('\r\n')).map(
    (r) => r.map((c) => c.trim()),
  );
  const [header, ...data] = rows;
  if (!header?.includes('商户订单号')) return { ok: false, error: 'no bill header' };
  const col = (row: string[], name: string) =>
    row[header.findIndex((h) => h.startsWith(name))] ?? '';
  const payments = new Map<string, StatementLine>();
  const out: StatementLine[] = [];
  let trades = 0;
  let refunds = 0;
  for (const row of data) {
    const kind = col(row, '业务类型');
    const amount = yuanToFen(col(row, '订单金额'));
    if (amount === null) return { ok: false, error: `no amount in ${row.join(',')}` };
    const base = {
      merchantOrderNo: col(row, '商户订单号'),
      paymentId: col(row, '支付宝交易号'),
      currency: 'CNY',
      platform: 'alipay',
      time: col(row, '完成时间') || col(row, '创建时间'),
    };
    if (kind === '交易') {
      trades++;
      const line: StatementLine = {
        ...base,
        type: 'payment',
        refundNo: '',
        amount,
        status: 'paid',
      };
      payments.set(base.merchantOrderNo, line);
      out.push(line);
    } else if (kind === '退款') {
      refunds++;
      const requestNo = col(row, '退款批次号');
      const paid = payments.get(base.merchantOrderNo);
      if (!requestNo && paid) paid.status = 'reversed';
      else
        out.push({
          ...base,
          type: 'refund',
          refundNo: requestNo,
          amount: Math.abs(amount),
          status: 'succeeded',
        });
    }
  }
  const count = (label: string) =>
    Number(new RegExp(`${label}[：:]\\s*(\\d+)\\s*笔`).exec(comments)?.[1] ?? NaN);
  const [t, r] = [count('交易合计'), count('退款合计')];
  if ((!Number.isNaN(t) && t !== trades) || (!Number.isNaN(r) && r !== refunds))
    return {
      ok: false,
      error: `the bill lists ${trades} trades and ${refunds} refunds, its footer says ${t} and ${r}`,
    };
  return { ok: true, value: out };
}
