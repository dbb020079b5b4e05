import type { Num } from './tokens';

// Signs and codes that name one currency. ¥ is CNY unless the store is set to JPY; $ is the
// store's own dollar when it uses one, else USD.
const BY_SIGN: Record<string, string> = {
  '€': 'EUR',
  '£': 'GBP',
  '₹': 'INR',
  '₱': 'PHP',
  Php: 'PHP',
  PHP: 'PHP',
  CHF: 'CHF',
  UGX: 'UGX',
  元: 'CNY',
  RMB: 'CNY',
  CNY: 'CNY',
  USD: 'USD',
  EUR: 'EUR',
  GBP: 'GBP',
  INR: 'INR',
  HKD: 'HKD',
  '₩': 'KRW',
  원: 'KRW',
  '฿': 'THB',
  THB: 'THB',
  '₫': 'VND',
  VND: 'VND',
  '₺': 'TRY',
  '₽': 'RUB',
  '₦': 'NGN',
  NGN: 'NGN',
  '₵': 'GHS',
  '৳': 'BDT',
  '₴': 'UAH',
  '₪': 'ILS',
  円: 'JPY',
  JPY: 'JPY',
  KES: 'KES',
  Ksh: 'KES',
  IDR: 'IDR',
  Rp: 'IDR',
  'Rp.': 'IDR',
  TL: 'TRY',
  Rs: 'INR',
  'Rs.': 'INR',
  SGD: 'SGD',
  S$: 'SGD',
  AUD: 'AUD',
  A$: 'AUD',
  CAD: 'CAD',
  C$: 'CAD',
  HK$: 'HKD',
  MYR: 'MYR',
  RM: 'MYR',
  R$: 'BRL',
  zł: 'PLN',
  Kč: 'CZK',
};

/** The currency the screen shows, or the configured one when it shows none (or only $/¥). */
export function currencyOf(nums: readonly Num[], configured: string): string {
  const counts = new Map<string, number>();
  for (const n of nums) {
    const s = n.symbol;
    if (!s || s === '?') continue;
    let c = BY_SIGN[s];
    if (s === '¥') c = configured === 'JPY' ? 'JPY' : 'CNY';
    // "$" and "kr" name several currencies: the store's own when it uses one of them.
    if (s === '$')
      c = /^(USD|CAD|AUD|NZD|HKD|SGD|TWD|MXN|ARS|CLP|COP)$/.test(configured) ? configured : 'USD';
    if (s === 'NT$') c = 'TWD';
    if (s === 'kr') c = /^(SEK|NOK|DKK|ISK)$/.test(configured) ? configured : undefined;
    if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best ? best[0] : configured;
}
