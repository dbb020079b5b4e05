import type { CheckoutPhase } from '../../src-main/contract/checkout';
import type { WsStatus } from '../../src-main/contract/ws-transport';
import { PHASE_TEXT } from '../phase-text';

interface Props {
  phase: CheckoutPhase;
  status: WsStatus;
  storeName: string | null;
  secondsLeft: number | null;
}

const STATUS_TEXT: Record<WsStatus, string> = {
  ready: 'Connected',
  unpaired: 'Not authorized',
  connecting: 'Connecting…',
  disconnected: 'Reconnecting…',
};

/** The cashier's header: the store, where the checkout is, and whether the station answers. */
export function TopBar({ phase, status, storeName, secondsLeft }: Props) {
  return (
    <>
      <header className="topbar">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            ✓
          </span>{' '}
          Countersign
          {storeName && <span className="store">{storeName}</span>}
        </div>
        <div
          className={`phase phase-${phase}`}
          data-testid="phase"
          data-phase={phase}
          role="status"
        >
          {PHASE_TEXT[phase]}
          {secondsLeft !== null && <span className="deadline"> · customer has {secondsLeft}s</span>}
        </div>
        <div className={`conn conn-${status}`}>{STATUS_TEXT[status]}</div>
      </header>
      {status === 'unpaired' && (
        <p className="banner error-text" role="alert">
          The station refused this window: it carries no valid cashier token. Open the cashier page
          on the station itself.
        </p>
      )}
    </>
  );
}
