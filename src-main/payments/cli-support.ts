import { chargeAmountSchema, parseMinor } from '../contract/money';
import { dayRange, localDay } from '../lib/local-day';

/** Parses a typed amount ("12.34") into minor units, or explains what is wrong with it. */
export function parseAmountArg(
  text: string | undefined,
  currency: string,
): { ok: true; value: number } | { ok: false; error: string } {
  if (text === undefined) return { ok: false, error: '--amount is required, e.g. --amount 12.34' };
  const minor = parseMinor(text, currency);
  if (minor === null)
    return {
      ok: false,
      error: `--amount '${text}' is not an amount in ${currency} (digits, at most the currency's decimals, at most 10,000,000.00)`,
    };
  const checked = chargeAmountSchema.safeParse(minor);
  return checked.success
    ? { ok: true, value: checked.data }
    : { ok: false, error: `--amount '${text}': ${checked.error.issues[0]?.message ?? 'invalid'}` };
}

/** A --date value (YYYY-MM-DD, default today), or an error sentence. */
export function parseDateArg(
  text: string | undefined,
  now = Date.now(),
): { ok: true; value: string } | { ok: false; error: string } {
  if (text === undefined || text === 'today') return { ok: true, value: localDay(now) };
  return dayRange(text)
    ? { ok: true, value: text }
    : { ok: false, error: `--date '${text}' is not a date like 2026-11-22` };
}

/** A --port value 0–65535. */
export function parsePortArg(text: string): number | null {
  const port = Number(text);
  return /^\d+$/.test(text) && port >= 0 && port <= 65535 ? port : null;
}
