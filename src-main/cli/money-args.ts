import { formatMinor, parseMinor } from '../contract/money';
import { parseAmountArg } from '../payments/cli-support';

/**
 * The CLI's one money unit: the currency's major unit, typed and printed as a plain decimal
 * ("9.99" is 9 yuan 99 fen). Every money answer says so with its currency and `"unit":"major"`.
 */
export const MONEY_UNIT = 'major';

/** An amount in the CLI's unit: "9.99", without grouping ("1250.00", never "1,250.00"). */
export function major(minor: number, currency: string): string {
  return formatMinor(minor, currency).replace(/,/g, '');
}

/**
 * A typed amount in minor units, or why not. A comma is refused: "12,50" could be 12.50 or
 * 1,250, and money is never guessed.
 */
export function parseMoneyArg(
  option: string,
  text: string | undefined,
  currency: string,
  { zero = false }: { zero?: boolean } = {},
): { ok: true; value: number } | { ok: false; error: string } {
  if (text !== undefined && /[,\s]/.test(text.trim()))
    return {
      ok: false,
      error: `${option} '${text}': write amounts in ${currency} with a decimal point and no grouping, e.g. 1250.50 (a comma could be either)`,
    };
  if (!zero) {
    const r = parseAmountArg(text, currency);
    return r.ok ? r : { ok: false, error: r.error.replace(/^--amount/, option) };
  }
  const minor = text === undefined ? null : parseMinor(text, currency);
  return minor !== null && minor >= 0
    ? { ok: true, value: minor }
    : { ok: false, error: `${option} '${text ?? ''}' is not an amount in ${currency} ≥ 0` };
}

/** Money fields the CLI's JSON answers carry, by name, wherever they are nested. */
const MONEY_FIELDS = new Set(['amount', 'total', 'net', 'maxAmount']);

/**
 * A copy of an answer with every money field (by name, numbers only) in the CLI's unit, plus
 * its currency and unit, so a script and a person read the same numbers they typed.
 */
export function inMajorUnits(answer: object, currency: string): Record<string, unknown> {
  const walk = (v: unknown, key: string): unknown => {
    if (typeof v === 'number' && MONEY_FIELDS.has(key)) return major(v, currency);
    if (Array.isArray(v)) return v.map((x) => walk(x, ''));
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  return { ...(walk(answer, '') as object), currency, unit: MONEY_UNIT };
}
