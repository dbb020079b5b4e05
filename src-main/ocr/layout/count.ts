/**
 * What the item count a screen prints ("数量: 3", "商品数量 10 件", "Total Item(s) 11") says of
 * the quantities read: `all` when the quantities read add up to it, `ones` when the lines whose
 * quantity was not read are exactly as many as the count leaves over (so each is one), null
 * when it says nothing. Weights (a fractional quantity) are not counted by such a number.
 */
export function countVerdict(
  quantities: ReadonlyArray<string | null>,
  counts: readonly number[],
): 'all' | 'ones' | null {
  const known = quantities.filter((q): q is string => q !== null).map(Number);
  if (quantities.length === 0 || known.some((q) => !Number.isInteger(q) || q <= 0)) return null;
  const sum = known.reduce((s, q) => s + q, 0);
  const missing = quantities.length - known.length;
  for (const c of counts) {
    if (missing === 0 && c === sum) return 'all';
    if (missing > 0 && c - sum === missing) return 'ones';
  }
  return null;
}
