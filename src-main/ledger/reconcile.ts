import { z } from 'zod';
import { parseCsv } from '../lib/csv';

/** One row of a provider's daily statement (see docs/payment-api.md). */
export const statementRowSchema = z.object({
  type: z.enum(['payment', 'refund']),
  merchant_order_no: z.string().min(1),
  refund_no: z.string(),
  amount: z.coerce.number().int().positive(),
  status: z.enum(['paid', 'reversed', 'succeeded']),
});
export type StatementRow = z.infer<typeof statementRowSchema>;

export interface Difference {
  id: string;
  ledger: string;
  statement: string;
}

/** What reconciliation found; `balanced` is true when every list is empty. */
export interface Reconciliation {
  date: string;
  matchedPayments: number;
  matchedRefunds: number;
  /** On the statement but not in the ledger (or not final there). */
  missingInLedger: StatementRow[];
  /** Paid/reversed/refunded in the ledger but absent from the statement. */
  missingInStatement: { id: string; kind: 'payment' | 'refund'; amount: number; state: string }[];
  amountDifferences: Difference[];
  statusDifferences: Difference[];
  /** Statement lines that could not be read. */
  unreadable: string[];
  balanced: boolean;
}

/** Matches ledger rows against statement rows by merchant order number / refund number. */
export function reconcileRows(
  date: string,
  payments: { id: string; amount: number; state: string }[],
  refunds: { id: string; attempt_id: string; amount: number }[],
  lookup: (id: string) => { state: string; amount: number } | undefined,
  statementCsv: string,
): Reconciliation {
  const [header, ...lines] = parseCsv(statementCsv);
  const out: Reconciliation = {
    date,
    matchedPayments: 0,
    matchedRefunds: 0,
    missingInLedger: [],
    missingInStatement: [],
    amountDifferences: [],
    statusDifferences: [],
    unreadable: [],
    balanced: false,
  };
  const stPayments = new Map<string, StatementRow>();
  const stRefunds = new Map<string, StatementRow>();
  for (const cells of lines) {
    const obj = Object.fromEntries((header ?? []).map((h, i) => [h, cells[i] ?? '']));
    const parsed = statementRowSchema.safeParse(obj);
    if (!parsed.success) {
      out.unreadable.push(cells.join(','));
      continue;
    }
    const row = parsed.data;
    if (row.type === 'payment') stPayments.set(row.merchant_order_no, row);
    else stRefunds.set(row.refund_no, row);
  }
  for (const p of payments) {
    const st = stPayments.get(p.id);
    if (!st) {
      if (p.state === 'paid')
        out.missingInStatement.push({
          id: p.id,
          kind: 'payment',
          amount: p.amount,
          state: p.state,
        });
      continue;
    }
    stPayments.delete(p.id);
    if (st.status !== p.state)
      out.statusDifferences.push({ id: p.id, ledger: p.state, statement: st.status });
    else if (st.amount !== p.amount)
      out.amountDifferences.push({
        id: p.id,
        ledger: String(p.amount),
        statement: String(st.amount),
      });
    else out.matchedPayments++;
  }
  // Left on the statement: unknown to the ledger for this day, or known in another state.
  for (const st of stPayments.values()) {
    const known = lookup(st.merchant_order_no);
    if (known && known.state === st.status && known.amount === st.amount) out.matchedPayments++;
    else if (known)
      out.statusDifferences.push({
        id: st.merchant_order_no,
        ledger: known.state,
        statement: st.status,
      });
    else out.missingInLedger.push(st);
  }
  for (const r of refunds) {
    const st = stRefunds.get(r.id);
    if (!st) {
      out.missingInStatement.push({
        id: r.id,
        kind: 'refund',
        amount: r.amount,
        state: 'succeeded',
      });
      continue;
    }
    stRefunds.delete(r.id);
    if (st.amount !== r.amount)
      out.amountDifferences.push({
        id: r.id,
        ledger: String(r.amount),
        statement: String(st.amount),
      });
    else out.matchedRefunds++;
  }
  out.missingInLedger.push(...stRefunds.values());
  out.balanced =
    out.missingInLedger.length === 0 &&
    out.missingInStatement.length === 0 &&
    out.amountDifferences.length === 0 &&
    out.statusDifferences.length === 0 &&
    out.unreadable.length === 0;
  return out;
}
