import { describe, expect, it } from 'vitest';
import {
  chooseCustomerDisplay,
  customerLayout,
  sideBySideBounds,
  type DisplayInfo,
} from './choose-display';

const d = (id: number, x: number): DisplayInfo => ({
  id,
  bounds: { x, y: 0, width: 1920, height: 1080 },
});
const primary = d(10, 0);
const right = d(11, 1920);
const left = d(12, -1920);

describe('chooseCustomerDisplay', () => {
  it.each<[string, DisplayInfo[], number, 'auto' | number, number, boolean, boolean]>([
    // name, displays, primaryId, setting, expected display id, fullscreen, has warning
    ['auto, two displays', [primary, right], 10, 'auto', 11, true, false],
    ['auto, primary listed second', [right, primary], 10, 'auto', 11, true, false],
    [
      'auto, three displays: first non-primary',
      [primary, left, right],
      10,
      'auto',
      12,
      true,
      false,
    ],
    ['index of a secondary', [primary, left, right], 10, 2, 11, true, false],
    ['index 0 when 0 is not primary', [right, primary], 10, 0, 11, true, false],
    ['index naming the primary falls back', [primary, right], 10, 0, 11, true, true],
    ['index out of range falls back', [primary, right], 10, 5, 11, true, true],
    ['single display: windowed on primary', [primary], 10, 'auto', 10, false, true],
    ['single display, index out of range', [primary], 10, 3, 10, false, true],
    ['unknown primary id: first display is primary', [primary, right], 99, 'auto', 11, true, false],
  ])('%s', (_name, displays, primaryId, setting, id, fullscreen, warned) => {
    const placement = chooseCustomerDisplay(displays, primaryId, setting);
    expect(placement?.display.id).toBe(id);
    expect(placement?.fullscreen).toBe(fullscreen);
    expect(placement?.warning !== null).toBe(warned);
  });

  it('names the bad index in its warning', () => {
    expect(chooseCustomerDisplay([primary, right], 10, 7)?.warning).toContain(
      'windows.customerDisplay 7',
    );
  });

  it('returns null when there is no display', () => {
    expect(chooseCustomerDisplay([], 1, 'auto')).toBeNull();
  });
});

describe('sideBySideBounds', () => {
  it('takes the right half of an odd-width display without a gap', () => {
    expect(
      sideBySideBounds({ id: 1, bounds: { x: 100, y: 20, width: 1367, height: 768 } }),
    ).toEqual({
      x: 783,
      y: 20,
      width: 684,
      height: 768,
    });
  });
});

describe('customerLayout', () => {
  it('fills its own display, locked, in kiosk when asked', () => {
    const placement = chooseCustomerDisplay([primary, right], 10, 'auto');
    expect(placement && customerLayout(placement, true)).toEqual({
      bounds: right.bounds,
      fullscreen: true,
      kiosk: true,
      closable: false,
    });
  });
  it('is a closable half-screen window beside the cashier on a single display, never kiosk', () => {
    const placement = chooseCustomerDisplay([primary], 10, 'auto');
    expect(placement && customerLayout(placement, true)).toEqual({
      bounds: { x: 960, y: 0, width: 960, height: 1080 },
      fullscreen: false,
      kiosk: false,
      closable: true,
    });
  });
});
