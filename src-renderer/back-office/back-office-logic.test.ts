import { describe, expect, it } from 'vitest';
import { regionSchema } from '../../src-main/contract/hardware';
import { agoText, attemptStatus, deviceTone, localDay, timeText } from './format';
import { hotkeyText, isHotkey } from './read-order';
import { dragRect, nudge, regionFor, toNatural, toShown } from './region-math';
import { numberStyle } from '../editor/number-text';
import { checkRefund, refundable } from './refund-check';

describe('calibration region math', () => {
  // A 2560×1440 display shown at 1280×720 CSS px (HiDPI, scale 2).
  const natural = { width: 2560, height: 1440 };
  const shown = { width: 1280, height: 720 };

  it('converts a drag on the shown image into physical pixels, whichever way it went', () => {
    const a = toNatural({ x: 300, y: 200 }, shown, natural);
    const b = toNatural({ x: 100.4, y: 50.2 }, shown, natural);
    expect(dragRect(a, b, natural)).toEqual({ x: 201, y: 100, width: 399, height: 300 });
    const back = toShown({ x: 200, y: 100, width: 400, height: 300 }, shown, natural);
    expect(back).toEqual({ x: 100, y: 50, width: 200, height: 150 });
  });

  it('keeps a drag that leaves the image inside it', () => {
    const a = toNatural({ x: 1200, y: 700 }, shown, natural);
    const b = toNatural({ x: 1500, y: 900 }, shown, natural);
    expect(dragRect(a, b, natural)).toEqual({ x: 2400, y: 1400, width: 160, height: 40 });
    expect(toNatural({ x: -20, y: 5 }, shown, natural)).toEqual({ x: 0, y: 10 });
  });

  it('nudges with arrow keys without leaving the image or shrinking below 8 px', () => {
    const r = { x: 0, y: 10, width: 100, height: 50 };
    expect(nudge(r, 'ArrowLeft', 1, false, natural)).toEqual({ ...r, x: 0 });
    expect(nudge(r, 'ArrowDown', 10, false, natural)).toEqual({ ...r, y: 20 });
    expect(nudge(r, 'ArrowRight', 10, true, natural)).toEqual({ ...r, width: 110 });
    expect(nudge(r, 'ArrowUp', 100, true, natural)).toEqual({ ...r, height: 8 });
    expect(nudge({ ...r, x: 2460 }, 'ArrowRight', 50, false, natural).x).toBe(2460);
    expect(nudge({ ...r, x: 2460 }, 'ArrowRight', 50, true, natural).width).toBe(100);
    expect(nudge(r, 'a', 1, false, natural)).toBe(r);
  });

  it('stores a region the contract accepts, and refuses a missing or tiny one with a reason', () => {
    const ok = regionFor({ x: 10.4, y: 20.6, width: 300, height: 200 }, 1);
    expect(ok).toEqual({ ok: true, value: { display: 1, x: 10, y: 21, width: 300, height: 200 } });
    if (ok.ok) expect(regionSchema.safeParse(ok.value).success).toBe(true);
    expect(regionFor(null, 0)).toMatchObject({ ok: false, key: 'noRect' });
    expect(regionFor({ x: 0, y: 0, width: 5, height: 100 }, 0)).toMatchObject({
      ok: false,
      key: 'tooSmall',
      params: { width: 5, height: 100 },
    });
  });
});

describe('refund form', () => {
  const paid = { state: 'paid' as const, amount: 5000, refunded: 1200, currency: 'CNY' };

  it('allows a partial or the remaining amount, in money as typed', () => {
    expect(refundable(paid)).toBe(3800);
    expect(checkRefund({ amountText: '12.50', reason: ' damaged ' }, paid)).toEqual({
      ok: true,
      value: { amount: 1250, reason: 'damaged' },
    });
    expect(checkRefund({ amountText: '¥38', reason: 'r' }, paid)).toMatchObject({
      ok: true,
      value: { amount: 3800 },
    });
  });

  it('refuses too much, zero, garbage, no reason, and unpaid attempts, naming the field', () => {
    expect(checkRefund({ amountText: '38.01', reason: 'r' }, paid)).toMatchObject({
      field: 'amount',
      key: 'tooMuch',
      params: { left: '38.00', currency: 'CNY' },
    });
    expect(checkRefund({ amountText: '0', reason: 'r' }, paid)).toMatchObject({ field: 'amount' });
    expect(checkRefund({ amountText: '-5', reason: 'r' }, paid)).toMatchObject({ field: 'amount' });
    expect(checkRefund({ amountText: '1.234', reason: 'r' }, paid)).toMatchObject({
      field: 'amount',
      key: 'notAmount',
    });
    expect(checkRefund({ amountText: '1', reason: '  ' }, paid)).toMatchObject({
      field: 'reason',
    });
    expect(
      checkRefund({ amountText: '1', reason: 'r' }, { ...paid, state: 'failed' }),
    ).toMatchObject({ key: 'notPaid' });
    expect(
      checkRefund({ amountText: '1', reason: 'r' }, { ...paid, refunded: 5000 }),
    ).toMatchObject({ key: 'fullyRefunded' });
  });

  it('reads the amount the store’s way and never guesses a comma', () => {
    // "10,00" is ten where the store writes a decimal comma; where it writes a point it could
    // be ten or a thousand, and a thousand is within what is left here.
    const big = { state: 'paid' as const, amount: 200_000, refunded: 0, currency: 'EUR' };
    expect(checkRefund({ amountText: '10,00', reason: 'r' }, big, numberStyle('de-DE'))).toEqual({
      ok: true,
      value: { amount: 1000, reason: 'r' },
    });
    expect(checkRefund({ amountText: '10,00', reason: 'r' }, big, numberStyle('en'))).toMatchObject(
      { field: 'amount', key: 'ambiguous', params: { decimal: '.', left: '2,000.00' } },
    );
    expect(
      checkRefund({ amountText: '10.00', reason: 'r' }, big, numberStyle('de-DE')),
    ).toMatchObject({ key: 'ambiguous', params: { decimal: ',', left: '2.000,00' } });
  });
});

describe('back-office formatting', () => {
  it('shows status, time and device health in words', () => {
    expect(attemptStatus({ state: 'paid', amount: 100, refunded: 0 })).toBe('Paid');
    expect(attemptStatus({ state: 'paid', amount: 100, refunded: 40 })).toBe('Partly refunded');
    expect(attemptStatus({ state: 'paid', amount: 100, refunded: 100 })).toBe('Refunded');
    expect(attemptStatus({ state: 'user_paying', amount: 100, refunded: 0 })).toBe(
      'Waiting for password',
    );
    const at = new Date(2026, 10, 22, 9, 5, 7).getTime();
    expect(localDay(new Date(at))).toBe('2026-11-22');
    expect(timeText(at, '2026-11-22')).toBe('09:05:07');
    expect(timeText(at, '2026-11-23')).toBe('2026-11-22 09:05:07');
    expect(agoText(null, at)).toBe('never');
    expect(agoText(at - 3_000, at)).toBe('just now');
    expect(agoText(at - 240_000, at)).toBe('4 min ago');
    expect(deviceTone({ connected: true, lastError: null })).toBe('ok');
    expect(deviceTone({ connected: true, lastError: 'dropped 3 bytes' })).toBe('warn');
    expect(deviceTone({ connected: false, lastError: null })).toBe('error');
  });
});

describe('capture hotkey inside the window', () => {
  const key = (over: Partial<KeyboardEvent>) =>
    ({
      key: 'O',
      code: 'KeyO',
      ctrlKey: true,
      shiftKey: true,
      altKey: false,
      metaKey: false,
      ...over,
    }) as KeyboardEvent;

  it('matches the accelerator by physical key, whatever the layout or IME gives as key', () => {
    const acc = 'CommandOrControl+Shift+O';
    expect(hotkeyText(acc)).toBe('Ctrl+Shift+O');
    expect(isHotkey(key({}), acc)).toBe(true);
    expect(isHotkey(key({ key: 'Process' }), acc)).toBe(true);
    expect(isHotkey(key({ shiftKey: false, key: 'o' }), acc)).toBe(false);
    expect(isHotkey(key({ altKey: true }), acc)).toBe(false);
    expect(isHotkey(key({ code: 'KeyP', key: 'P' }), acc)).toBe(false);
    expect(isHotkey(key({ key: 'F8', code: 'F8', ctrlKey: false, shiftKey: false }), 'F8')).toBe(
      true,
    );
  });
});
