import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { PaymentMethod } from '../src-main/contract/credential';
import {
  FINAL_PHASES,
  nextPaymentAmount,
  type CheckoutSnapshot,
} from '../src-main/contract/checkout';
import type { Order } from '../src-main/contract/order';
import type { ContractError, Result } from '../src-main/contract/result';
import type { StationConnection } from '../src-window-shared/connect';
import { applySnapshot, type StationStore } from '../src-window-shared/station-store';
import { otherLanguage } from '../src-window-shared/language';
import { changedRows } from './screens/changed-rows';
import { ConfirmScreen } from './screens/confirm-screen';
import {
  ConnectingScreen,
  IdleScreen,
  ProgressScreen,
  ResultScreen,
} from './screens/message-screens';
import { MethodScreen } from './screens/method-screen';
import { OrderView } from './screens/order-view';
import { PairingScreen } from './screens/pairing-screen';
import { screenFor } from './screen-for';
import { PayScreen } from './pay/pay-screen';
import { LastDecline } from './pay/last-decline';
import { PartPicker, SplitSummary } from './pay/split-summary';
import { useWedgeScan } from '../src-window-shared/use-wedge-scan';

interface Props {
  connection: StationConnection<'customer'>;
  store: StationStore;
  deviceName: string;
}

/** The customer display: one screen at a time, chosen from the station's snapshot. */
export function CustomerApp({ connection, store, deviceName }: Props) {
  const { t, i18n } = useTranslation();
  const status = useStore(store, (s) => s.status);
  const info = useStore(store, (s) => s.info);
  const snapshot = useStore(store, (s) => s.snapshot);
  const phaseSince = useStore(store, (s) => s.phaseSince);
  const revision = snapshot?.revision ?? 0;
  // Flagging and errors belong to the revision they happened on; a new snapshot clears them.
  const [flaggingAt, setFlaggingAt] = useState<number | null>(null);
  const flagging = flaggingAt === revision && snapshot?.phase === 'awaiting_confirmation';
  const setFlagging = (on: boolean) => setFlaggingAt(on ? revision : null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ error: ContractError; revision: number } | null>(null);
  const error = failure && failure.revision === revision ? failure.error : null;
  const [now, setNow] = useState(() => Date.now());
  const client = connection.client;
  const offline = status === 'disconnected';
  // A scan while the station is unreachable is refused on screen, not lost or queued.
  const [scanRefused, setScanRefused] = useState(false);
  useWedgeScan(
    (raw) => client.call('scan.submit', { raw }),
    store,
    status === 'ready' || offline,
    () => setScanRefused(true),
  );
  // The refusal stays until the station is back; then it has nothing left to say.
  useEffect(
    () =>
      store.subscribe((state) => {
        if (state.status === 'ready') setScanRefused(false);
      }),
    [store],
  );

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const act = useCallback(
    async (work: () => Promise<Result<CheckoutSnapshot>>) => {
      setBusy(true);
      const r = await work();
      setBusy(false);
      if (r.ok) applySnapshot(store, r.value);
      else setFailure({ error: r.error, revision: store.getState().snapshot?.revision ?? 0 });
    },
    [store],
  );

  // Touches keep the customer's turn alive; at most one activity call every few seconds.
  const lastActivity = useRef(0);
  const onTouch = () => {
    if (snapshot?.deadline == null || Date.now() - lastActivity.current < 3_000) return;
    lastActivity.current = Date.now();
    void client.call('checkout.activity', {}).then((r) => r.ok && applySnapshot(store, r.value));
  };

  const screen = screenFor({
    status,
    hasInfo: info !== null,
    snapshot: snapshot && { ...snapshot, updatedAt: phaseSince },
    flagging,
    now,
    resultSeconds: info?.resultSeconds ?? 8,
  });
  const order = snapshot?.order ?? null;

  // A resent order marks what the cashier changed since the customer last looked at it.
  const lastSeen = useRef<{ revision: number; order: Order } | null>(null);
  const [changes, setChanges] = useState<{ revision: number; ids: Set<string> } | null>(null);
  useEffect(() => {
    if (screen !== 'order' || !order || lastSeen.current?.revision === revision) return;
    setChanges({ revision, ids: changedRows(lastSeen.current?.order ?? null, order) });
    lastSeen.current = { revision, order };
  }, [screen, order, revision]);

  // Each new customer starts in the station's language: back to it when the display turns idle
  // after a result (or with no order at all) and when the station info arrives. An order the
  // cashier reopens for this customer (idle while in review) keeps the language they chose.
  const between = !snapshot?.order || FINAL_PHASES.includes(snapshot.phase);
  useEffect(() => {
    if (info && between && (screen === 'idle' || screen === 'connecting'))
      void i18n.changeLanguage(info.language);
  }, [info, screen, between, i18n]);
  const secondsLeft = snapshot?.deadline ? Math.ceil((snapshot.deadline - now) / 1000) : null;

  let body;
  if (screen === 'pairing')
    body = <PairingScreen pair={(code) => connection.pair(code, deviceName)} />;
  else if (screen === 'connecting') body = <ConnectingScreen />;
  else if (screen === 'idle' || !snapshot) body = <IdleScreen info={info} />;
  else if ((screen === 'order' || screen === 'flagging') && order)
    body = (
      <ConfirmScreen
        key={`${order.id}-${revision}`}
        order={order}
        changed={changes?.revision === revision ? changes.ids : undefined}
        flagging={flagging}
        busy={busy}
        setFlagging={setFlagging}
        onConfirm={() => void act(() => client.call('checkout.confirm', { revision }))}
        onDispute={(d) => void act(() => client.call('checkout.dispute', { revision, ...d }))}
      />
    );
  else if (screen === 'disputed')
    body = (
      <div className="screen disputed-screen">
        <h1>{t('dispute.sent')}</h1>
        <p className="lead">{t('dispute.sentHint')}</p>
        {order && <OrderView order={order} flagged={snapshot.dispute ?? undefined} />}
      </div>
    );
  else if (screen === 'method')
    body = (
      <>
        <LastDecline notice={snapshot.notice} />
        <SplitSummary snapshot={snapshot} />
        <PartPicker
          snapshot={snapshot}
          onPart={(amount) => void act(() => client.call('checkout.setPart', { amount }))}
        />
        <MethodScreen
          // The amount of this payment: a part when the order is split.
          order={order && snapshot.split ? { ...order, total: nextPaymentAmount(snapshot) } : order}
          methods={snapshot.methods.length ? snapshot.methods : (info?.methods ?? [])}
          chosen={snapshot.method}
          onChoose={(method: PaymentMethod) =>
            void act(() => client.call('checkout.chooseMethod', { method }))
          }
        />
      </>
    );
  else if (screen === 'result' && snapshot.phase === 'cancelled')
    body = <ResultScreen snapshot={snapshot} seconds={info?.resultSeconds ?? 8} />;
  else if (screen === 'collecting' || screen === 'authorizing' || screen === 'result')
    body = (
      <PayScreen
        snapshot={snapshot}
        client={client}
        store={store}
        resultSeconds={info?.resultSeconds ?? 8}
      />
    );
  else body = <ProgressScreen snapshot={snapshot} />;

  return (
    <div
      className={`display lang-${i18n.language}`}
      lang={i18n.language}
      onPointerDown={onTouch}
      data-screen={screen}
    >
      <header className="display-top">
        <span className="display-store">
          {screen !== 'pairing' && screen !== 'idle' ? info?.storeName : ''}
        </span>
        <button
          type="button"
          className="lang-switch"
          onClick={() => void i18n.changeLanguage(otherLanguage(i18n.language))}
        >
          {t('language.switch')}
        </button>
      </header>
      {offline && (
        <p className="offline-banner" role="alert" data-testid="offline">
          {t('offline')}
        </p>
      )}
      <main className="display-body">
        {/* Unreachable station: every button is off, so nothing seems to work that cannot. */}
        <fieldset className="screen-guard" disabled={offline}>
          {body}
        </fieldset>
      </main>
      {scanRefused && (
        <p className="toast error" role="alert" data-testid="scan-refused">
          {t('scanOffline')}
        </p>
      )}
      {error && (
        <p className="toast error" role="alert">
          {t('error', { message: error.message })}
        </p>
      )}
      {secondsLeft !== null && secondsLeft <= 20 && screen !== 'pairing' && (
        <p className="toast still">{t('still')}</p>
      )}
    </div>
  );
}
