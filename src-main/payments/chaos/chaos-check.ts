import Database from 'better-sqlite3';

/** What the ledger and the payment system agree and disagree on, at the end of a chaos run. */
export interface ChaosVerdict {
  attempts: number;
  orders: number;
  paid: number;
  failed: number;
  reversed: number;
  /** Orders charged more than once (by the ledger or by the payment system). */
  doubleCharges: string[];
  /** Attempts whose money the two sides see differently (charged but not paid in the ledger…). */
  lost: string[];
  /** Attempts not final in the ledger, or still waiting at the payment system. */
  nonFinal: string[];
}

interface SandboxRow {
  merchant_order_no: string;
  status: string;
  amount: number;
}

/** Compares the station's ledger file with the sandbox's payment rows. */
export function compareLedgerWithSandbox(ledgerFile: string, rows: SandboxRow[]): ChaosVerdict {
  const db = new Database(ledgerFile, { readonly: true });
  const attempts = db
    .prepare('SELECT id, order_id AS orderId, amount, state FROM attempt_current')
    .all() as { id: string; orderId: string; amount: number; state: string }[];
  db.close();
  const sandbox = new Map(rows.map((r) => [r.merchant_order_no, r]));
  const orderOf = new Map(attempts.map((a) => [a.id, a.orderId]));
  const verdict: ChaosVerdict = {
    attempts: attempts.length,
    orders: new Set(attempts.map((a) => a.orderId)).size,
    paid: attempts.filter((a) => a.state === 'paid').length,
    failed: attempts.filter((a) => a.state === 'failed').length,
    reversed: attempts.filter((a) => a.state === 'reversed').length,
    doubleCharges: [],
    lost: [],
    nonFinal: [],
  };
  const chargedByOrder = new Map<string, number>();
  for (const a of attempts) {
    if (!['paid', 'failed', 'reversed'].includes(a.state))
      verdict.nonFinal.push(`${a.id} ${a.state}`);
    const s = sandbox.get(a.id);
    const charged = s?.status === 'paid';
    if (charged !== (a.state === 'paid'))
      verdict.lost.push(
        `${a.id}: ledger ${a.state}, payment system ${s?.status ?? 'never heard of it'}`,
      );
    if (charged || a.state === 'paid')
      chargedByOrder.set(a.orderId, (chargedByOrder.get(a.orderId) ?? 0) + 1);
  }
  for (const r of rows) {
    if (r.status === 'user_paying')
      verdict.nonFinal.push(`${r.merchant_order_no} user_paying at the payment system`);
    // Money taken for a number the ledger never wrote would be lost to the store's books.
    if (r.status === 'paid' && !orderOf.has(r.merchant_order_no))
      verdict.lost.push(
        `${r.merchant_order_no}: paid at the payment system, unknown to the ledger`,
      );
  }
  for (const [order, n] of chargedByOrder) if (n > 1) verdict.doubleCharges.push(`${order} ×${n}`);
  return verdict;
}
