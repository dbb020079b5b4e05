import type { OrderLine, ReviewWarning } from '../contract/order';
import type { Rect } from './preprocess';

/** The order read off a screen: the CLI's output object and what the station consumes. */
export interface ReadOrder {
  status: 'ok' | 'needs_review';
  currency: string;
  lines: OrderLine[];
  adjustments: Array<{ id: string; label: string; amount: number }>;
  total: number | null;
  warnings: ReviewWarning[];
  /** Milliseconds per stage. */
  timings: Record<string, number>;
}

/** Grabs a screen region as PNG; the reader's port to the capture back-ends. */
export type CaptureFn = (
  region: Rect & { display?: number },
) => Promise<{ ok: true; value: Buffer } | { ok: false; error: string }>;

/** A warm order reader. */
export interface OrderReader {
  readImage(png: Buffer, region?: Rect): Promise<ReadOrder>;
  readScreen(region: Rect & { display?: number }): Promise<ReadOrder>;
  /**
   * Reads a built-in order once, so the cashier's first read of the day runs on warm,
   * optimised code. Never throws; says why when it could not.
   */
  warmUp(): Promise<{ ok: true; ms: number } | { ok: false; error: string }>;
  close(): Promise<void>;
}

/** A read that failed before any order could be found, with the reason. */
export const failed = (
  currency: string,
  message: string,
  timings: Record<string, number>,
): ReadOrder => ({
  status: 'needs_review',
  currency,
  lines: [],
  adjustments: [],
  total: null,
  warnings: [{ code: 'unreadable', message }],
  timings,
});

/**
 * `readScreen` of every reader: capture the region through the port, then read the picture;
 * a missing port or a failed capture is a `needs_review` that says so.
 */
export async function captureAndRead(
  capture: CaptureFn | undefined,
  currency: string,
  region: Rect & { display?: number },
  readImage: (png: Buffer, region: undefined, extra: Record<string, number>) => Promise<ReadOrder>,
): Promise<ReadOrder> {
  if (!capture) return failed(currency, 'No screen capture is configured', {});
  const t0 = performance.now();
  const shot = await capture(region).catch((e: Error) => ({
    ok: false as const,
    error: e.message,
  }));
  const ms = Math.round(performance.now() - t0);
  if (!shot.ok) return failed(currency, `Screen capture failed: ${shot.error}`, { capture: ms });
  return readImage(shot.value, undefined, { capture: ms });
}
