const ZH_DIGITS = '零一二三四五六七八九';
const ZH_PLACES = ['', '十', '百', '千'];
const ZH_GROUPS = ['', '万', '亿'];

/** One 4-digit group read in Chinese (1..9999), zeros inside read once: 1005 → 一千零五. */
function chineseGroup(n: number): string[] {
  const out: string[] = [];
  let zero = false;
  for (let place = 3; place >= 0; place--) {
    const d = Math.floor(n / 10 ** place) % 10;
    if (d === 0) {
      if (out.length > 0) zero = true;
      continue;
    }
    if (zero) out.push('零');
    zero = false;
    out.push(ZH_DIGITS[d]!, ...(ZH_PLACES[place] ? [ZH_PLACES[place]!] : []));
  }
  return out;
}

/**
 * A whole number read the way Chinese cashier boxes say it, one character per clip:
 * 48 → 四十八, 10 → 十, 1005 → 一千零五, 100000 → 十万, 10010 → 一万零一十.
 */
export function chineseInteger(n: number): string[] {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not a whole amount: ${n}`);
  if (n === 0) return ['零'];
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  if (groups.length > ZH_GROUPS.length) throw new Error(`amount too large to say: ${n}`);
  const out: string[] = [];
  let gap = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const value = groups[g]!;
    if (value === 0) {
      gap = out.length > 0;
      continue;
    }
    // A group after a higher one that does not fill its thousands starts with 零: 一万零五.
    if (out.length > 0 && (gap || value < 1000)) out.push('零');
    gap = false;
    out.push(...chineseGroup(value), ...(ZH_GROUPS[g] ? [ZH_GROUPS[g]!] : []));
  }
  // 一十 at the very start is said 十 (十元, 十二元, 十万元).
  if (out[0] === '一' && out[1] === '十') out.shift();
  return out;
}

const EN_SMALL = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = [
  '',
  '',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
];
const EN_SCALES = ['', 'thousand', 'million', 'billion'];

function englishHundreds(n: number): string[] {
  const out: string[] = [];
  if (n >= 100) out.push(EN_SMALL[Math.floor(n / 100)]!, 'hundred');
  const rest = n % 100;
  if (rest === 0) return out;
  if (rest < 20) out.push(EN_SMALL[rest]!);
  else out.push(EN_TENS[Math.floor(rest / 10)]!, ...(rest % 10 ? [EN_SMALL[rest % 10]!] : []));
  return out;
}

/** A whole number in English words, one word per clip: 1205 → one thousand two hundred five. */
export function englishInteger(n: number): string[] {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not a whole amount: ${n}`);
  if (n === 0) return ['zero'];
  const out: string[] = [];
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  if (groups.length > EN_SCALES.length) throw new Error(`amount too large to say: ${n}`);
  for (let g = groups.length - 1; g >= 0; g--) {
    if (groups[g] === 0) continue;
    out.push(...englishHundreds(groups[g]!), ...(EN_SCALES[g] ? [EN_SCALES[g]!] : []));
  }
  return out;
}
