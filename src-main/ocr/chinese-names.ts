import type { DraftOrder } from './parse-order';
import type { Preprocessed } from './preprocess';
import { rereadCells } from './reread';
import { CJK, type Cell } from './rows';
import type { WorkerPool } from './worker-pool';

/** A space after a Chinese character and before another or a letter/digit ("大米 5kg"). */
const INNER_SPACE = new RegExp(`(?<=${CJK.source})\\s+(?=${CJK.source}|\\w)`, 'g');

/** Below this confidence a Latin-only name on a Chinese screen is read again by chi_sim. */
const NAME_CONFIDENCE = 80;

/**
 * On a screen that shows Chinese, the eng+chi_sim LSTM tries English first and sometimes keeps
 * a Latin look-alike for a Chinese name ("EE" for 香蕉, "HE", "ish"), unsure of it. Such names
 * (no Chinese character, confidence under 80) are read again, all in one stacked image, by a
 * chi_sim-only worker, and replaced when that reading is Chinese. Names only: no number is
 * touched, so the order's status cannot change. A name already in Chinese is kept: chi_sim
 * alone misreads some of those (咖啡豆 as 另啡豆).
 */
export async function readChineseNames(
  namesPool: WorkerPool,
  p: Preprocessed,
  draft: DraftOrder,
): Promise<DraftOrder> {
  if (!draft.chinese) return draft;
  const weak = draft.lines.filter(
    (l) => l.nameCell && !CJK.test(l.name) && l.nameCell.confidence < NAME_CONFIDENCE,
  );
  if (weak.length === 0) return draft;
  let texts: Map<Cell, string>;
  try {
    texts = await rereadCells(
      namesPool,
      p.pixels,
      p.width,
      p.height,
      weak.map((l) => l.nameCell!),
      '',
    );
  } catch {
    return draft;
  }
  return {
    ...draft,
    lines: draft.lines.map((l) => {
      const again = l.nameCell ? texts.get(l.nameCell) : undefined;
      if (!again || !CJK.test(again) || !weak.includes(l)) return l;
      // chi_sim puts spaces between the characters of a word; a name does not have them.
      return { ...l, name: again.replace(INNER_SPACE, '') };
    }),
  };
}
