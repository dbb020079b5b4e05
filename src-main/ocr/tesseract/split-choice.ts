import type { Preprocessed } from '../preprocess';
import { CJK, type Row } from '../rows';
import { findColumnSplit, numbersSideReadable } from '../split-read';

/**
 * Whether to read a region split (names by the LSTM, numbers by the legacy engine), and what
 * the reads so far taught about it. The one piece of state a tesseract reader carries from one
 * read to the next.
 */
export interface SplitChoice {
  /** Where to cut this region for a split read, or null to read it whole. */
  cut(p: Preprocessed): number | null;
  /** Learns from a split read whether its number side came back readable. */
  learnFromSplit(rows: Row[], cut: number): void;
  /** Learns from a whole read: with no Chinese in it, the number side is Latin again. */
  learnFromWhole(rows: Row[]): void;
  /** Returns a function that puts back what is known now (after a warm-up read). */
  remember(): () => void;
  /** Forgets what was learnt, as for a first screen. */
  forget(): void;
}

/** A split choice that starts out taking the number side for plain Latin text. */
export function createSplitChoice(): SplitChoice {
  // Whether this region's number side is plain Latin text the legacy engine reads: false once
  // it came back with letters it could not read (a Chinese header such as 数量 单价 金额), true
  // again after a whole read with no Chinese in it. The POS does not change language per order.
  let numbersSideLatin = true;
  return {
    cut: (p) => (numbersSideLatin ? findColumnSplit(p) : null),
    learnFromSplit(rows, cut) {
      numbersSideLatin = numbersSideReadable(rows, cut);
    },
    learnFromWhole(rows) {
      if (!rows.some((r) => CJK.test(r.text))) numbersSideLatin = true;
    },
    remember() {
      const saved = numbersSideLatin;
      return () => {
        numbersSideLatin = saved;
      };
    },
    forget() {
      numbersSideLatin = true;
    },
  };
}
