import { z } from 'zod';
import type { Result } from '../contract/result';

/**
 * A screen rectangle in the display's PHYSICAL pixels (what the capture back-ends return), so
 * a region calibrated on a 150% display stays right: the calibration UI converts from its DIP
 * coordinates by the display's scale factor before storing it.
 */
export const captureRegionSchema = z
  .object({
    /** Index into listDisplays(); 0 is the first display. */
    display: z.number().int().min(0).max(15).default(0),
    x: z.number().int().min(0).max(32767),
    y: z.number().int().min(0).max(32767),
    width: z.number().int().min(1).max(16384),
    height: z.number().int().min(1).max(16384),
  })
  .strict();

export type CaptureRegion = z.input<typeof captureRegionSchema>;

/** A display as the capture layer sees it (physical pixels on the virtual desktop). */
export interface DisplayInfo {
  index: number;
  x: number;
  y: number;
  width: number;
  height: number;
  primary: boolean;
  /** Device pixels per DIP, when the back-end knows it. */
  scaleFactor: number;
}

/** Result type used across the capture boundary. */
export type CaptureResult<T> = Result<T, string>;

/** Parses "x,y,w,h" (CLI form) into a region; null when it is not four whole numbers. */
export function parseRegionArg(text: string, display = 0): CaptureRegion | null {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length !== 4 || parts.some((p) => !/^\d+$/.test(p))) return null;
  const [x, y, width, height] = parts.map(Number) as [number, number, number, number];
  const parsed = captureRegionSchema.safeParse({ display, x, y, width, height });
  return parsed.success ? parsed.data : null;
}
