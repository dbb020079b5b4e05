import type { Layout } from './blocks';
import type { HeaderRole } from './labels';
import type { Num } from './tokens';

/**
 * Columns of the item numbers: numbers are grouped by x (a gap of two line heights starts a new
 * column), then each group takes the header word above it. Header words sit centred while the
 * numbers are left- or right-aligned, so the match is by order and distance together: groups and
 * header words are paired left to right, keeping the pairing with the smallest total distance.
 */
export function columns(layout: Layout): { hints: Array<HeaderRole | null>; of: Map<Num, number> } {
  const nums = layout.items.flatMap((i) => i.nums);
  const of = new Map<Num, number>();
  const gap = Math.max(layout.lineHeight * 2, 24);
  const xs = [...new Set(nums.map((n) => n.x))].sort((a, b) => a - b);
  const groups: Array<{ x0: number; x1: number }> = [];
  xs.forEach((x, i) => {
    if (i === 0 || x - xs[i - 1]! > gap) groups.push({ x0: x, x1: x });
    else groups[groups.length - 1]!.x1 = x;
  });
  for (const n of nums)
    of.set(
      n,
      groups.findIndex((g) => n.x >= g.x0 && n.x <= g.x1),
    );
  const header = layout.header?.filter((h) => h.role !== 'name') ?? [];
  return { hints: matchHeader(groups, header, layout.lineHeight * 12), of };
}

/** Pairs number groups with header words in order, minimising the distance between centres. */
function matchHeader(
  groups: Array<{ x0: number; x1: number }>,
  header: Array<{ role: HeaderRole | null; x0: number; x1: number }>,
  farthest: number,
): Array<HeaderRole | null> {
  const n = groups.length;
  const m = header.length;
  const centre = (c: { x0: number; x1: number }) => (c.x0 + c.x1) / 2;
  // cost[i][j]: best pairing of the first i groups with the first j header words.
  const cost = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity));
  const from = Array.from({ length: n + 1 }, () => new Array<string>(m + 1).fill(''));
  cost[0]!.fill(0);
  for (let i = 1; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      // The group has no header word (costs as much as the farthest pairing allowed)…
      let best = cost[i - 1]![j]! + farthest;
      let how = 'none';
      // …a header word over no numbers is passed by…
      if (j > 0 && cost[i]![j - 1]! < best) [best, how] = [cost[i]![j - 1]!, 'skip'];
      // …or the group takes this header word.
      const d = j > 0 ? Math.abs(centre(groups[i - 1]!) - centre(header[j - 1]!)) : Infinity;
      if (j > 0 && d < farthest && cost[i - 1]![j - 1]! + d < best) {
        [best, how] = [cost[i - 1]![j - 1]! + d, 'pair'];
      }
      cost[i]![j] = best;
      from[i]![j] = how;
    }
  }
  const hints = new Array<HeaderRole | null>(n).fill(null);
  for (let i = n, j = m; i > 0;) {
    const how = from[i]![j];
    if (how === 'pair') hints[--i] = header[--j]!.role;
    else if (how === 'skip') j--;
    else i--;
  }
  return hints;
}
