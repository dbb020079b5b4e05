import { yuanToFen, type StatementLine } from '../statement-csv';
import type { Result } from '../../../contract/result';

export type BillResult = Result<StatementLine[], string>;

const pick = (row: Record<string, string>, names: string[]) =>
  names.map((n) => row[n]).find((v) => v !== undefined && v !== '') ?? '';

/**
 * Reads WeChat Pay's daily bill (downloadbill, bill_type ALL): a header row, one row per
 * transaction whose every field starts with a backtick (so Excel keeps long numbers as text),
 * then a summary header (总交易单数,…) and its row. Columns are found by their header names,
 * which differ slightly between bill versions. The summary's count must match the rows read:
 * a cut-off download is not a bill.
 */
export function parseWechatBill(text: string): BillResult {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const header = lines[0]?.split(',').map((h) => h.trim());
  if (!header || !header.includes('商户订单号')) return { ok: false, error: 'no bill header' };
  const out: StatementLine[] = [];
  let i = 1;
  for (; i < lines.length && lines[i]!.startsWith('`'); i++) {
    const cells = lines[i]!.slice(1).split(',`');
    const row = Object.fromEntries(header.map((h, k) => [h, (cells[k] ?? '').trim()]));
    const state = row['交易状态'];
    const time = row['交易时间'] ?? '';
    const base = {
      merchantOrderNo: row['商户订单号'] ?? '',
      paymentId: row['微信订单号'] ?? '',
      currency: row['货币种类'] || 'CNY',
      platform: 'wechat',
      time,
    };
    if (state === 'SUCCESS' || state === 'REVOKED') {
      const amount = yuanToFen(pick(row, ['订单金额', '总金额', '应结订单金额']));
      if (amount === null) return { ok: false, error: `row ${i + 1}: no amount` };
      out.push({
        ...base,
        type: 'payment',
        refundNo: '',
        amount,
        status: state === 'SUCCESS' ? 'paid' : 'reversed',
      });
    } else if (state === 'REFUND') {
      const amount = yuanToFen(pick(row, ['申请退款金额', '退款金额']));
      if (amount === null) return { ok: false, error: `row ${i + 1}: no refund amount` };
      out.push({
        ...base,
        type: 'refund',
        refundNo: row['商户退款单号'] ?? '',
        amount: Math.abs(amount),
        status: 'succeeded',
      });
    }
  }
  const summaryHead = lines[i]?.split(',');
  const summary = lines[i + 1]?.replace(/^`/, '').split(',`');
  const count = summaryHead && summary ? Number(summary[summaryHead.indexOf('总交易单数')]) : NaN;
  if (!Number.isInteger(count)) return { ok: false, error: 'the bill has no summary rows' };
  if (count !== i - 1)
    return { ok: false, error: `the bill lists ${i - 1} rows, its summary says ${count}` };
  return { ok: true, value: out };
}
