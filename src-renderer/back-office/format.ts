import type { AttemptRow } from '../../src-main/contract/payments';
import type { DeviceHealthRow } from '../../src-main/contract/hardware';

/** Today's local calendar day as reports take it ("2026-11-22"). */
export function localDay(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** A time of day for a list ("14:03:27"), with the date when it is not `today`. */
export function timeText(ms: number, today = localDay()): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  const time = `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
  const day = localDay(d);
  return day === today ? time : `${day} ${time}`;
}

/** How long ago, as a unit and a count; the windows say it (`ago.*`) in their language. */
export function agoOf(
  ms: number | null,
  now: number,
): { unit: 'never' | 'now' | 's' | 'min' | 'h' | 'd'; n: number } {
  if (ms === null) return { unit: 'never', n: 0 };
  const s = Math.max(0, Math.round((now - ms) / 1000));
  if (s < 10) return { unit: 'now', n: 0 };
  if (s < 60) return { unit: 's', n: s };
  if (s < 3600) return { unit: 'min', n: Math.floor(s / 60) };
  if (s < 86_400) return { unit: 'h', n: Math.floor(s / 3600) };
  return { unit: 'd', n: Math.floor(s / 86_400) };
}

/** How long ago in English, for a device's last scan ("just now", "4 min ago", "2 h ago"). */
export function agoText(ms: number | null, now: number): string {
  const { unit, n } = agoOf(ms, now);
  return unit === 'never' ? 'never' : unit === 'now' ? 'just now' : `${n} ${unit} ago`;
}

export const STATE_TEXT: Record<AttemptRow['state'], string> = {
  created: 'Created',
  sending: 'Sending',
  user_paying: 'Waiting for password',
  querying: 'Querying',
  reversing: 'Reversing',
  paid: 'Paid',
  failed: 'Failed',
  reversed: 'Reversed',
};

export const METHOD_TEXT: Record<AttemptRow['method'], string> = {
  code: 'Payment code',
  face: 'Face',
  proxy: 'Proxy',
  qr: 'Merchant QR',
};

export const PLATFORM_TEXT: Record<string, string> = {
  wechat: 'WeChat Pay',
  alipay: 'Alipay',
  unionpay: 'UnionPay',
};

/** What an attempt's status is called: its state, or how much of a paid one was refunded. */
export type StatusCode = AttemptRow['state'] | 'refunded' | 'partly_refunded';

/** The status of an attempt, refunds included; the windows translate it (`attempt.status.*`). */
export function statusCode(a: Pick<AttemptRow, 'state' | 'amount' | 'refunded'>): StatusCode {
  if (a.state === 'paid' && a.refunded > 0)
    return a.refunded >= a.amount ? 'refunded' : 'partly_refunded';
  return a.state;
}

/** The status in English, for logs and tests. */
export function attemptStatus(a: Pick<AttemptRow, 'state' | 'amount' | 'refunded'>): string {
  const code = statusCode(a);
  return code === 'refunded'
    ? 'Refunded'
    : code === 'partly_refunded'
      ? 'Partly refunded'
      : STATE_TEXT[code];
}

export type DeviceTone = 'ok' | 'warn' | 'error';

/**
 * A device's status dot: red when a configured scanner is not connected (scans are lost),
 * amber when it is connected but reported an error since it started (scanners keep their last
 * error after reconnecting), green otherwise.
 */
export function deviceTone(d: Pick<DeviceHealthRow, 'connected' | 'lastError'>): DeviceTone {
  if (!d.connected) return 'error';
  return d.lastError ? 'warn' : 'ok';
}
