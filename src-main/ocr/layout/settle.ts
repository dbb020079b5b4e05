import type { SummaryPair } from './blocks';
import { minorOf } from './tokens';

/**
 * Picks the adjustments that make Σ lines + adjustments = total; discounts above the total
 * always count.
 */
export function settle(
  sum: number,
  pairs: SummaryPair[],
  exp: number,
  itemsBottom = -Infinity,
): {
  total: number | null;
  label: string | null;
  adjustments: Array<{ label: string; amount: number }>;
  ok: boolean;
  subtotal: number | null;
} {
  const totals = pairs
    .filter((p) => p.kind === 'total')
    .map((p) => ({ p, v: minorOf(p.num, exp) }))
    .filter((t): t is { p: SummaryPair; v: number } => t.v !== null && t.v > 0);
  const subtotal = pairs.find((p) => p.kind === 'subtotal');
  const adjustments = pairs
    .filter((p) => p.kind === 'discount' || p.kind === 'tax' || p.kind === 'surcharge')
    .map((p) => {
      const v = Math.abs(minorOf(p.num, exp) ?? 0);
      return {
        label: p.label,
        amount: p.kind === 'discount' || p.num.negative ? -v : v,
        kind: p.kind,
        y: p.y,
      };
    })
    .filter((a) => a.amount !== 0);
  const sorted = totals.sort((a, b) => b.p.rank - a.p.rank || b.p.y - a.p.y);
  // A discount printed under a total below the items (a voucher for the next visit) is not in
  // it; taxes are (Odoo prints "Taxes" under "Total").
  const voucher = (a: { kind: string; y: number }, t: { p: SummaryPair } | undefined) =>
    a.kind === 'discount' && t !== undefined && t.p.y > itemsBottom && a.y > t.p.y;
  for (const t of sorted) {
    const weighed = adjustments.filter((a) => !voucher(a, t));
    // Every subset of adjustments, fewest first; a discount shown is always taken.
    const n = Math.min(weighed.length, 6);
    const subsets = [...Array(1 << n).keys()].sort((a, b) => popcount(a) - popcount(b));
    for (const mask of subsets) {
      const chosen = weighed.filter((_, i) => mask & (1 << i));
      if (weighed.some((a, i) => a.kind === 'discount' && !(mask & (1 << i)))) continue;
      if (sum + chosen.reduce((s, a) => s + a.amount, 0) === t.v) {
        return {
          total: t.v,
          label: t.p.label,
          adjustments: chosen.map(({ label, amount }) => ({ label, amount })),
          ok: true,
          subtotal: subtotal ? minorOf(subtotal.num, exp) : null,
        };
      }
    }
  }
  const best = sorted[0];
  return {
    total: best?.v ?? null,
    label: best?.p.label ?? null,
    adjustments: adjustments
      .filter((a) => a.kind === 'discount' && !voucher(a, best))
      .map(({ label, amount }) => ({ label, amount })),
    ok: false,
    subtotal: subtotal ? minorOf(subtotal.num, exp) : null,
  };
}

const popcount = (n: number) => n.toString(2).replace(/0/g, '').length;
