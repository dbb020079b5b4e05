import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';

/** The longest the payment system holds a notification request open. */
export const MAX_NOTIFY_WAIT_MS = 25_000;

/**
 * Tells waiting stations when a payment changes: the acquirer calls `changed` whenever a
 * payment's status moves (a wallet paid a QR, a payer confirmed, a password was typed …), and
 * `GET /v1/payments/{no}/notify?waitMs=N` holds the request until then. The station learns the
 * outcome the moment it happens, without asking every second.
 */
export function createPaymentNotices() {
  const hub = new EventEmitter().setMaxListeners(0);
  const key = (merchantId: string, no: string) => `${merchantId}\n${no}`;
  return {
    /** Called inside the status change's transaction: listeners run once it has committed. */
    changed: (merchantId: string, no: string) =>
      void setImmediate(() => hub.emit(key(merchantId, no))),
    /**
     * Resolves when the payment changes, `ms` passes, or the station hangs up (`res` closes):
     * whichever comes first. The caller then answers with the payment's state as a query does.
     */
    waitFor: (merchantId: string, no: string, ms: number, res: ServerResponse) =>
      new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          hub.off(key(merchantId, no), done);
          res.off('close', done);
          resolve();
        };
        const timer = setTimeout(done, Math.max(0, Math.min(ms, MAX_NOTIFY_WAIT_MS)));
        hub.on(key(merchantId, no), done);
        res.on('close', done);
      }),
  };
}
export type PaymentNotices = ReturnType<typeof createPaymentNotices>;
