import { formatMinor } from '../src-main/contract/money';

const SYMBOLS: Record<string, string> = {
  CNY: '¥',
  USD: '$',
  EUR: '€',
  GBP: '£',
  JPY: '¥',
  HKD: 'HK$',
};

/** An amount for the customer's eyes: "¥12.80", or "SEK 12.80" when there is no familiar symbol. */
export function moneyText(amount: number, currency: string): string {
  const symbol = SYMBOLS[currency];
  const body = formatMinor(Math.abs(amount), currency);
  const sign = amount < 0 ? '−' : '';
  return symbol ? `${sign}${symbol}${body}` : `${sign}${currency} ${body}`;
}
