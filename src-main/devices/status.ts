/** Health of one scanner, as the cashier's device panel shows it. */
export interface ScannerStatus {
  connected: boolean;
  /** Epoch ms of the last code read, or null. */
  lastScanAt: number | null;
  lastError: string | null;
}

/** What every scanner adapter returns. */
export interface ScannerHandle {
  status(): ScannerStatus;
  close(): Promise<void>;
}

/** Reconnect delays: start small so a re-plugged scanner is back at once, cap so we never spin. */
export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 200, maxMs: 5000 };

/** Delay before reconnect attempt number `attempt` (0-based): doubling, capped. */
export function backoffDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  return Math.min(options.maxMs, options.initialMs * 2 ** Math.min(attempt, 20));
}

/** Error text for status and logs, whatever was thrown. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
