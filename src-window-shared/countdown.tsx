import { useEffect, useState } from 'react';

/** Whole seconds from `now` until `until` (never negative). */
export function secondsLeft(until: number, now: number): number {
  return Math.max(0, Math.ceil((until - now) / 1000));
}

/** Seconds left until an epoch-ms deadline, ticking every second; null without one. */
export function useSecondsLeft(until: number | null | undefined): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until == null) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [until]);
  return until == null ? null : secondsLeft(until, now);
}

/** "1:05" for 65 seconds. */
export function clockText(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A countdown a screen reader reads once, not every second. */
export function Countdown({ until, label }: { until: number | null | undefined; label: string }) {
  const left = useSecondsLeft(until);
  if (left === null) return null;
  return (
    <p className="wait-countdown" data-testid="pay-countdown" aria-live="off">
      {label} <strong>{clockText(left)}</strong>
    </p>
  );
}
