import type { Region } from '../../src-main/contract/hardware';

/** A rectangle in one coordinate space (the image's natural pixels unless said otherwise). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Size {
  width: number;
  height: number;
}
export interface Point {
  x: number;
  y: number;
}

/** The contract's smallest region side. */
export const MIN_SIDE = 8;

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);

/**
 * A point on the shown (CSS-scaled) image in the image's natural pixels. The frozen image is a
 * capture of the display in physical pixels, so natural pixels are what capture uses; on a
 * HiDPI display the CSS size and the natural size differ.
 */
export function toNatural(p: Point, shown: Size, natural: Size): Point {
  if (shown.width <= 0 || shown.height <= 0) return { x: 0, y: 0 };
  return {
    x: clamp(Math.round((p.x * natural.width) / shown.width), 0, natural.width),
    y: clamp(Math.round((p.y * natural.height) / shown.height), 0, natural.height),
  };
}

/** A natural-pixel rectangle scaled to the shown image, for drawing the selection over it. */
export function toShown(r: Rect, shown: Size, natural: Size): Rect {
  const sx = natural.width > 0 ? shown.width / natural.width : 0;
  const sy = natural.height > 0 ? shown.height / natural.height : 0;
  return { x: r.x * sx, y: r.y * sy, width: r.width * sx, height: r.height * sy };
}

/** The rectangle a drag from `a` to `b` spans, whichever way it went, inside the image. */
export function dragRect(a: Point, b: Point, bounds: Size): Rect {
  const x1 = clamp(Math.min(a.x, b.x), 0, bounds.width);
  const y1 = clamp(Math.min(a.y, b.y), 0, bounds.height);
  const x2 = clamp(Math.max(a.x, b.x), 0, bounds.width);
  const y2 = clamp(Math.max(a.y, b.y), 0, bounds.height);
  return { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
}

/**
 * Arrow keys: move the rectangle by `step` pixels, or with `resize` grow/shrink its right and
 * bottom edges. It never leaves the image nor shrinks under the smallest region.
 */
export function nudge(r: Rect, key: string, step: number, resize: boolean, bounds: Size): Rect {
  const dx = key === 'ArrowLeft' ? -step : key === 'ArrowRight' ? step : 0;
  const dy = key === 'ArrowUp' ? -step : key === 'ArrowDown' ? step : 0;
  if (dx === 0 && dy === 0) return r;
  if (resize) {
    return {
      ...r,
      width: clamp(r.width + dx, Math.min(MIN_SIDE, bounds.width), bounds.width - r.x),
      height: clamp(r.height + dy, Math.min(MIN_SIDE, bounds.height), bounds.height - r.y),
    };
  }
  return {
    ...r,
    x: clamp(r.x + dx, 0, Math.max(0, bounds.width - r.width)),
    y: clamp(r.y + dy, 0, Math.max(0, bounds.height - r.height)),
  };
}

/** The region to store for a selection on a display, or why not (`calibration.error.*`). */
export function regionFor(
  r: Rect | null,
  display: number,
):
  | { ok: true; value: Region }
  | { ok: false; key: 'noRect' | 'tooSmall'; params: Record<string, number> } {
  if (!r) return { ok: false, key: 'noRect', params: {} };
  const value = {
    display,
    x: Math.round(r.x),
    y: Math.round(r.y),
    width: Math.round(r.width),
    height: Math.round(r.height),
  };
  if (value.width < MIN_SIDE || value.height < MIN_SIDE)
    return {
      ok: false,
      key: 'tooSmall',
      params: { width: value.width, height: value.height, min: MIN_SIDE },
    };
  return { ok: true, value };
}
