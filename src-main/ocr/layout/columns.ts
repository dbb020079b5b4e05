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
  // Columns are found from the numbers read with confidence; a doubtful one (a table rule read
  // as "1") would otherwise bridge two columns into one. Doubtful numbers join the column they
  // sit in, or make columns of their own where none is.
  const sure = nums.filter((n) => n.conf >= SURE_FOR_COLUMNS);
  const groups = gather(
    sure.map((n) => n.x),
    gap,
  );
  const near = (x: number) => groups.findIndex((g) => x >= g.x0 - gap / 2 && x <= g.x1 + gap / 2);
  const alone = nums.filter((n) => n.conf < SURE_FOR_COLUMNS && near(n.x) < 0).map((n) => n.x);
  groups.push(...gather(alone, gap));
  groups.sort((a, b) => a.x0 - b.x0);
  for (const n of nums) {
    const inside = groups.findIndex((g) => n.x >= g.x0 && n.x <= g.x1);
    of.set(n, inside >= 0 ? inside : near(n.x));
  }
  const header = layout.header?.filter((h) => h.role !== 'name') ?? [];
  return { hints: matchHeader(groups, header, layout.lineHeight * 12), of };
}

const SURE_FOR_COLUMNS = 0.6;

/** Groups x positions left to right: a gap wider than `gap` starts a new group. */
function gather(positions: number[], gap: number): Array<{ x0: number; x1: number }> {
  const xs = [...new Set(positions)].sort((a, b) => a - b);
  const groups: Array<{ x0: number; x1: number }> = [];
  xs.forEach((x, i) => {
    if (i === 0 || x - xs[i - 1]! > gap) groups.push({ x0: x, x1: x });
    else groups[groups.length - 1]!.x1 = x;
  });
  return groups;
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
