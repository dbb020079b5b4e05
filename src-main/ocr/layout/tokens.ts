import type { TextBox } from './text-box';

/**
 * A number printed on the screen, as read: the digits, how they were printed (decimals,
 * currency sign or code, percent, unit), and where it sits. Values are computed per currency
 * by {@link minorOf} so the same read serves "¥3" and "UGX4,500".
 */
export interface Num {
  /** Digits with a '.' decimal point and no grouping: "1234.50", "3". */
  digits: string;
  decimals: number;
  negative: boolean;
  /** Currency sign or code printed with it (¥ $ € £ ₹ ₱ 元 CHF UGX …), or null. */
  symbol: string | null;
  percent: boolean;
  /** A unit printed right after it: 件, Kg, Unit(s), 份 … (a quantity's mark). */
  unit: string | null;
  /** Approximate horizontal centre in the region, from the character offset in its box. */
  x: number;
  /** Where the number starts in its cell's text. */
  at: number;
  conf: number;
}

/** What a box holds once its numbers are taken out. */
export interface Cell {
  box: TextBox;
  text: string;
  nums: Num[];
  /** The words left when numbers, signs and units are removed ("Total", "单价", a name). */
  words: string;
  /** qty × price (= amount) printed in one cell: "2 x $3.00", "1.000 Unit(s) at 0.83 €". */
  formula: { quantity: Num; price: Num; amount: Num | null; at: number } | null;
  /** A quantity printed in a name: "Burger (2)", "单人套餐×1", "Coffee Press Small(1)". */
  nameQuantity: Num | null;
}

// Currency signs and codes, before or after the digits. ₹ and ¥ are often misread by OCR
// (F, Y, V): a single stray letter glued to the front of money is handled in readCell.
const CURRENCY = String.raw`[¥$€£₹₱₩฿₫₺₽₦₵৳₴₪]|元|円|원|VNĐ|đ|CHF|UGX|KES|NGN|IDR|Php|PHP|Rs\.?|Rp\.?|(?<![A-Za-z])TL|RMB|CNY|JPY|USD|EUR|GBP|INR|HKD|SGD|AUD|CAD|MYR|THB|VND|NT\$|HK\$|S\$|A\$|C\$|RM|Ksh|R\$|zł|Kč|kr`;
// Indian grouping first (1,23,456.00: twos, then the last three), then 1,234.50 / 1.234,50.
const DIGITS = String.raw`\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+,\d{1,2}|\d+(?:[.,]\d+)?`;
const ATOM = new RegExp(
  String.raw`(?<![\d.,])(?<neg>-\s*|\(\s*)?(?<pre>${CURRENCY})?\s*(?<neg2>-)?\s*(?<pctpre>%)?(?<num>${DIGITS})(?![.,]?\d)(?<pct>\s*%)?(?:\s*(?<post>${CURRENCY}))?(?<close>\s*\))?(?<unit>\s*(?:/\s*)?(?:件|份|个|瓶|杯|斤|公斤|kg|Kg|KG|g|Unit\(s\)|Units?|pcs|Day\(s\))(?![A-Za-z]))?`,
  'gu',
);

/** Reads a printed number into its parts; null when the grouping is not a valid one. */
function digitsOf(raw: string): { digits: string; decimals: number } | null {
  // 1,234.50 / 1,23,456.00 / 1.234,50 / 40,00 (decimal comma: two digits, never three) / 1,234
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?$/.test(raw)) {
    const d = raw.replace(/,/g, '');
    return { digits: d, decimals: d.split('.')[1]?.length ?? 0 };
  }
  if (/^\d{1,3}(?:\.\d{3})+,\d{1,2}$/.test(raw)) {
    const d = raw.replace(/\./g, '').replace(',', '.');
    return { digits: d, decimals: d.split('.')[1]!.length };
  }
  if (/^\d+,\d{1,2}$/.test(raw))
    return { digits: raw.replace(',', '.'), decimals: raw.length - raw.indexOf(',') - 1 };
  if (/^\d+,\d{3,}$/.test(raw)) return null;
  return { digits: raw, decimals: raw.split('.')[1]?.length ?? 0 };
}

/** The value of a number in minor units of a currency with `exponent` decimals; null if it has more. */
export function minorOf(n: Num, exponent = 2): number | null {
  const [whole = '0', frac = ''] = n.digits.split('.');
  // "15.000" is fifteen thousand in Jakarta and fifteen in Zürich: more decimals than the
  // currency has is never taken as money, zeros or not.
  if (frac.length > exponent) return null;
  const v =
    Number(whole) * 10 ** exponent + Number(frac.padEnd(exponent, '0').slice(0, exponent) || '0');
  if (!Number.isSafeInteger(v)) return null;
  return n.negative ? -v : v;
}

/** The number as a quantity ("2", "0.536"); null when it cannot be one. */
export function quantityOf(n: Num): string | null {
  if (n.negative || n.percent || n.symbol) return null;
  const [whole = '0', frac = ''] = n.digits.split('.');
  const f = frac.replace(/0+$/, '');
  if (f.length > 3 || whole.length > 6) return null;
  const q = f ? `${Number(whole)}.${f}` : String(Number(whole));
  return Number(q) > 0 ? q : null;
}

const TIMES = String.raw`\s*(?:[xX×*✕]|at|à|a|@)\s*`;

// What the recogniser makes of a lone digit in an input box or stepper: "2" comes back as N,
// "1" as l, I or |. Such a reading is only a candidate: its confidence is capped below what the
// reader believes on its own, so it counts only where quantity × price = amount proves it.
const LONE_DIGIT: Record<string, string> = {
  N: '2',
  Z: '2',
  l: '1',
  I: '1',
  '|': '1',
  O: '0',
  o: '0',
  S: '5',
  B: '8',
};
const CANDIDATE_CONF = 0.3;

/** Finds the numbers in one box of text. */
export function readCell(box: TextBox): Cell {
  const lone = LONE_DIGIT[box.text.trim()];
  if (lone) {
    const num: Num = {
      digits: lone,
      decimals: 0,
      negative: false,
      symbol: null,
      percent: false,
      unit: null,
      x: (box.x0 + box.x1) / 2,
      at: 0,
      conf: Math.min(box.conf, CANDIDATE_CONF),
    };
    return { box, text: box.text, nums: [num], words: '', formula: null, nameQuantity: null };
  }
  // Dates and clock times are not amounts: blank them before numbers are looked for.
  const text = box.text
    .replace(/\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/g, (m) => ' '.repeat(m.length))
    .replace(/\b\d{1,2}:\d{2}(?::\d{2})?\b/g, (m) => ' '.repeat(m.length))
    // "1, 272.72": a space the engine put after a thousands comma.
    .replace(/(?<=\d),\s(?=\d{3}\b)/g, ',');
  const nums: Num[] = [];
  let words = '';
  let last = 0;
  const width = box.x1 - box.x0;
  for (const m of text.matchAll(ATOM)) {
    const g = m.groups!;
    const parsed = digitsOf(g.num!);
    if (!parsed) continue;
    const start = m.index;
    const end = start + m[0].length;
    // A lone letter glued to money after a label ("Genel Toplam: t38,38", ₺ misread): a sign
    // the engine misread, not part of the label. Never x or a, which multiply ("2 x3.50").
    const misread =
      !g.pre && !g.post && parsed.decimals > 0 && !g.neg && /^\d/.test(m[0])
        ? /(?:^|[\s:：])([B-WYZbd-wyz])$/.exec(text.slice(last, start))
        : null;
    words += text.slice(last, misread ? start - 1 : start) + ' ';
    last = end;
    const centre = (start + end) / 2 / Math.max(1, text.length);
    // "(1.00)" is an accountant's minus; "Burger (1)" is a quantity, not a refund.
    const parens = /^\(/.test(g.neg ?? '') && Boolean(g.close);
    const moneyLike = parsed.decimals > 0 || Boolean(g.pre ?? g.post);
    nums.push({
      ...parsed,
      negative: Boolean(g.neg2) || /^-/.test(g.neg ?? '') || (parens && moneyLike),
      symbol: g.pre ?? g.post ?? (misread ? (/[Yy]/.test(misread[1]!) ? '¥' : '?') : null),
      // "%10": Turkish and some others print the percent sign first.
      percent: Boolean(g.pct ?? g.pctpre),
      unit: g.unit?.trim().replace(/^\//, '').trim() || null,
      x: box.x0 + width * centre,
      at: start + m[0].search(/\S/),
      conf: box.conf,
    });
  }
  words = (words + text.slice(last)).replace(/\s+/g, ' ').trim();
  // A lone letter glued to the front of the only number ("F20.00", "Y45.79", "V12") is a
  // currency sign the engine misread (₹, ¥); it marks money, it is not a word.
  const glued = /^([A-Za-z\u4e00-\u9fff])\s?(?=\d)/.exec(text);
  const onlyNum = nums[0];
  if (
    glued &&
    onlyNum &&
    nums.length === 1 &&
    words === glued[1] &&
    !onlyNum.symbol &&
    (onlyNum.decimals > 0 || /[Yy]/.test(glued[1]!))
  ) {
    nums[0]!.symbol = /[Yy]/.test(glued[1]!) ? '¥' : '?';
    words = '';
  }
  return {
    box,
    text: box.text,
    nums,
    words,
    formula: formulaOf(text, nums),
    nameQuantity: nameQuantityOf(text, nums),
  };
}

/** "2 x $3.00", "2 * 2.00 = 4.00", "1.000 Unit(s) at 0.83 € / Unit(s)", "1.200 Kg à 1.00 CHF / Kg". */
function formulaOf(text: string, nums: Num[]): Cell['formula'] {
  if (nums.length < 2) return null;
  const re = new RegExp(
    String.raw`(?<![\d.,])\d[\d.,]*\s*(?:[A-Za-z()件份个]*)${TIMES}\s*(?:${CURRENCY})?\s*\d`,
  );
  const m = re.exec(text);
  if (!m) return null;
  // The formula's numbers are the ones from where it starts: "Coke 330ml 2 x 3.50" is 2 × 3.50.
  const [q, p, a] = nums.filter((n) => n.at >= m.index);
  if (!q || !p || !quantityOf(q)) return null;
  const amount = a && /=/.test(text.slice(m.index)) ? a : null;
  return { quantity: q, price: p, amount, at: m.index };
}

/** "Burger (2)", "单人套餐×1", "Coffee Press Small(1)": a quantity at the end of a name. */
function nameQuantityOf(text: string, nums: Num[]): Num | null {
  const last = nums[nums.length - 1];
  if (!last || nums.length > 2) return null;
  // "(2)" and "×2" anywhere; a plain x only after CJK ("套餐x1"): "Eggs x12" is a pack size.
  const m = /(?:\(\s*(\d{1,3})\s*\)|(?:×|(?<=[\u3400-\u9fff])\s*[xX*])\s*(\d{1,3}))\s*$/.exec(text);
  if (!m) return null;
  const before = text.slice(0, m.index);
  if (!/[A-Za-z\u4e00-\u9fff]{2}/.test(before)) return null;
  return last.digits === (m[1] ?? m[2]) ? last : null;
}
