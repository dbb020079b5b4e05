import type { CheckoutPhase, CheckoutSnapshot } from '../src-main/contract/checkout';
import type { WsStatus } from '../src-main/contract/ws-transport';

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

/** How long a result (paid, failed, cancelled) stays up before the display shows idle by itself. */
export const RESULT_SCREEN_MS = 12_000;

const RESULT_PHASES: readonly CheckoutPhase[] = ['paid', 'failed', 'cancelled'];

export interface ScreenInput {
  status: WsStatus;
  hasInfo: boolean;
  snapshot: Pick<CheckoutSnapshot, 'phase' | 'order' | 'updatedAt'> | null;
  /** The customer is choosing which lines are wrong (local, not yet sent). */
  flagging: boolean;
  now: number;
}

/**
 * Which screen the customer sees. An unpaired display sees only the pairing page; nothing of
 * the order is shown before the cashier sends it; a result falls back to idle after a while
 * even if the station has not reset yet.
 */
export function screenFor({ status, hasInfo, snapshot, flagging, now }: ScreenInput): Screen {
  if (status === 'unpaired') return 'pairing';
  if (!hasInfo || !snapshot) return 'connecting';
  const { phase } = snapshot;
  if (phase === 'awaiting_confirmation' && snapshot.order) return flagging ? 'flagging' : 'order';
  if (phase === 'disputed') return 'disputed';
  if (phase === 'confirmed' || phase === 'choosing_method') return 'method';
  if (phase === 'collecting_credential') return 'collecting';
  if (phase === 'authorizing') return 'authorizing';
  if (RESULT_PHASES.includes(phase))
    return now - snapshot.updatedAt < RESULT_SCREEN_MS ? 'result' : 'idle';
  // idle and review: the cashier has not sent anything to the customer yet.
  return 'idle';
}
