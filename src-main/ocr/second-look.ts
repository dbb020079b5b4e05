import { normaliseText, type TextBox } from './layout/text-box';

// A second look at a quantity cell reads it enlarged, alone and as digits only; what it reads
// at this confidence or more is taken as read (measured: lone stepper digits the first look
// read as "Ｎ" or at 0.5 came back right at 0.96–1.00).
const TRUSTED = 0.95;
// Below that, what it gives is only a candidate: it counts only where the arithmetic (or the
// screen's item count) proves it, which is what a confidence under 0.6 means to the solver.
const CANDIDATE = 0.3;

const overlaps = (a: TextBox, b: TextBox) => {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return (
    w > 0.5 * Math.min(a.x1 - a.x0, b.x1 - b.x0) && h > 0.5 * Math.min(a.y1 - a.y0, b.y1 - b.y0)
  );
};

/**
 * Joins what a second look read to the first look's boxes. Where both read the same place:
 * the same text makes the first reading as sure as the second (two readings agree), a trusted
 * second reading replaces a different first one, and an untrusted one is dropped. A place the
 * first look missed gets the second reading, as read when trusted, else as a candidate.
 */
export function mergeSecondLook(first: readonly TextBox[], second: readonly TextBox[]): TextBox[] {
  const out = first.map((b) => ({ ...b }));
  for (const raw of second) {
    const text = normaliseText(raw.text);
    if (text === '') continue;
    const trusted = raw.conf >= TRUSTED;
    const same = out.findIndex((b) => overlaps(b, raw));
    if (same < 0) {
      out.push({ ...raw, conf: trusted ? raw.conf : Math.min(raw.conf, CANDIDATE) });
      continue;
    }
    const was = out[same]!;
    if (normaliseText(was.text) === text)
      out[same] = { ...was, conf: Math.max(was.conf, raw.conf) };
    else if (trusted) out[same] = { ...raw };
  }
  return out;
}
