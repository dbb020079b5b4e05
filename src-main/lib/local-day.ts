/** The local calendar day of a timestamp, YYYY-MM-DD; station and sandbox both report by it. */
export function localDay(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local midnight..next midnight of a YYYY-MM-DD day, as epoch ms, or null for a bad date. */
export function dayRange(day: string): { from: number; to: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const from = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
  if (Number.isNaN(from) || localDay(from) !== day) return null;
  const to = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1).getTime();
  return { from, to };
}

/** Shift label ("S06") of a timestamp: the last configured start hour at or before it. */
export function shiftOf(ms: number, startHours: readonly number[]): string {
  const sorted = [...startHours].sort((a, b) => a - b);
  const hour = new Date(ms).getHours();
  // Before the first start of the day, the previous day's last shift is still running.
  const start = [...sorted].reverse().find((h) => h <= hour) ?? sorted[sorted.length - 1] ?? 0;
  return `S${String(start).padStart(2, '0')}`;
}
