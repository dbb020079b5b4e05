import type { CheckoutSnapshot } from '../src-main/contract/checkout';
import { isFinal } from '../src-main/contract/phase-rules';
import type { WsStatus } from '../src-window-shared/ws-transport';

export type Screen =
  | 'pairing'
  | 'connecting'
  | 'idle'
  | 'order'
  | 'flagging'
  | 'disputed'
  | 'method'
  | 'collecting'
  | 'authorizing'
  | 'result';

/**
 * How long a result (paid, failed, cancelled) may stay up: the station resets after its
 * `resultSeconds`; the display falls back to idle a little later on its own, so a station that
 * never resets (or a lost event) cannot leave a stale result in front of the next customer.
 */
export function resultScreenMs(resultSeconds: number): number {
  return (resultSeconds + 3) * 1000;
}

export interface ScreenInput {
  status: WsStatus;
  hasInfo: boolean;
  snapshot: Pick<CheckoutSnapshot, 'phase' | 'order' | 'updatedAt' | 'deadline'> | null;
  /** The customer is choosing which lines are wrong (local, not yet sent). */
  flagging: boolean;
  now: number;
  /** The station's `resultSeconds`. */
  resultSeconds: number;
}

/**
 * Which screen the customer sees. An unpaired display sees only the pairing page; nothing of
 * the order is shown before the cashier sends it; a result falls back to idle after a while
 * even if the station has not reset yet.
 */
export function screenFor(input: ScreenInput): Screen {
  const { status, hasInfo, snapshot, flagging, now } = input;
  if (status === 'unpaired') return 'pairing';
  if (!hasInfo || !snapshot) return 'connecting';
  const { phase } = snapshot;
  if (phase === 'awaiting_confirmation' && snapshot.order) return flagging ? 'flagging' : 'order';
  if (phase === 'disputed') return 'disputed';
  if (phase === 'confirmed' || phase === 'choosing_method') return 'method';
  if (phase === 'collecting_credential') return 'collecting';
  if (phase === 'authorizing') return 'authorizing';
  // A decline waits for the customer to pay again for as long as the station gives them: its
  // deadline ends it (cancelled), so no clock of the display's own is needed here.
  if (phase === 'failed' && snapshot.order && snapshot.deadline !== null) return 'result';
  if (isFinal(phase))
    return now - snapshot.updatedAt < resultScreenMs(input.resultSeconds) ? 'result' : 'idle';
  // idle and review: the cashier has not sent anything to the customer yet.
  return 'idle';
}
