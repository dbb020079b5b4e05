// Decoding the recogniser's output: per step (a slice of the line's width), a probability for
// each class of the dictionary, class 0 being the CTC blank.

/**
 * Greedy CTC decoding of one line of the recogniser's output ([steps × classes] scores):
 * the best class per step, repeats and blanks (class 0) dropped. Confidence is the mean
 * score of the characters kept (0 for an empty line). With `allowed`, only those classes
 * (and the blank) can be taken: a place that holds a number is read as digits.
 */
export function ctcDecode(
  scores: Float32Array,
  steps: number,
  classes: number,
  dictionary: readonly string[],
  allowed?: ReadonlySet<number>,
): { text: string; conf: number } {
  let text = '';
  let sum = 0;
  let kept = 0;
  let prev = -1;
  for (let t = 0; t < steps; t++) {
    const base = t * classes;
    let best = 0;
    let bestScore = -Infinity;
    for (let c = 0; c < classes; c++) {
      const s = scores[base + c]!;
      if (s > bestScore && (c === 0 || !allowed || allowed.has(c))) [best, bestScore] = [c, s];
    }
    if (best !== 0 && best !== prev) {
      text += dictionary[best - 1] ?? '';
      sum += bestScore;
      kept++;
    }
    prev = best;
  }
  return { text, conf: kept ? sum / kept : 0 };
}

/**
 * The one digit a lone glyph shows, among digits only: for each digit class, the probability
 * that the whole line reads exactly that digit (every CTC alignment: blanks, the digit
 * repeated, blanks), then normalised over the digits. Shown one lone glyph, the recogniser
 * often prefers a letter or a full-width form ("2" as "Ｎ"); where the place can only hold a
 * number, which digit it is follows from these. `mass` is how much of the line's probability
 * the digits hold at all (near 0 for an icon or a letter nothing like a digit).
 */
export function ctcDigit(
  scores: Float32Array,
  steps: number,
  classes: number,
  digits: ReadonlyMap<number, string>,
): { digit: string; conf: number; mass: number } | null {
  // Classes that mean the same digit ("1" and full-width "１") share their probability.
  const byDigit = new Map<string, number>();
  for (const [c, digit] of digits) {
    // Forward pass over the states: blanks before, the digit, blanks after.
    let before = 1;
    let inDigit = 0;
    let after = 0;
    for (let t = 0; t < steps; t++) {
      const blank = scores[t * classes]!;
      const p = scores[t * classes + c]!;
      after = (after + inDigit) * blank;
      inDigit = (inDigit + before) * p;
      before *= blank;
    }
    byDigit.set(digit, (byDigit.get(digit) ?? 0) + inDigit + after);
  }
  let best: { digit: string; p: number } | null = null;
  let total = 0;
  for (const [digit, p] of byDigit) {
    total += p;
    if (!best || p > best.p) best = { digit, p };
  }
  if (!best || total === 0) return null;
  return { digit: best.digit, conf: best.p / total, mass: total };
}
