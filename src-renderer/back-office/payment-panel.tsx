import { codeRefusalText, errorText } from '../station-text';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { ContractClient } from '../../src-main/contract/client';
import { formatMinor } from '../../src-main/contract/money';
import { classifyPaymentCode } from '../../src-main/contract/payment-code';
import { clockText, useSecondsLeft } from '../../src-window-shared/countdown';
import { paymentSteps } from '../../src-window-shared/payment-steps';
import { reasonOf } from '../../src-window-shared/payment-reason';
import { applySnapshot, type StationStore } from '../../src-window-shared/station-store';
import { PLATFORM_TEXT } from './format';
import { SplitControl } from './split-control';

/**
 * The payment as the cashier follows it: what the customer chose, the authorizing steps, the
 * outcome with the payment system's reason, and a manual code entry for when the scanner fails.
 */
export function PaymentPanel({
  client,
  store,
}: {
  client: ContractClient<'cashier'>;
  store: StationStore;
}) {
  const { t } = useTranslation();
  const snapshot = useStore(store, (s) => s.snapshot);
  const phase = snapshot?.phase ?? 'idle';
  const payment = snapshot?.payment ?? null;
  const order = snapshot?.order ?? null;
  const showProgress =
    phase === 'choosing_method' ||
    phase === 'collecting_credential' ||
    phase === 'authorizing' ||
    ((phase === 'paid' || phase === 'failed') && payment !== null);
  if (!showProgress) return null;
  const currency = order?.currency ?? 'CNY';
  return (
    <section
      className="bo-card payment-panel"
      aria-label={t('payment.title')}
      data-testid="payment-panel"
    >
      <h2>
        {t('payment.title')}
        {order && (
          <span className="bo-amount">
            {formatMinor(order.total, currency)} {currency}
          </span>
        )}
      </h2>
      <p className="bo-muted">
        {snapshot?.method ? t(`payment.method.${snapshot.method}`) : t('payment.noMethod')}
        {payment?.platform && ` · ${PLATFORM_TEXT[payment.platform] ?? payment.platform}`}
      </p>
      {phase === 'authorizing' && (
        <ol className="bo-steps">
          {paymentSteps(payment).map((s) => (
            <li key={s.name} className={`bo-step bo-step-${s.state}`}>
              {t(`payment.step.${s.name}`)}
            </li>
          ))}
        </ol>
      )}
      {phase === 'authorizing' && payment?.step === 'user_paying' && (
        <p className="bo-alert warn" role="status" data-testid="password-wait">
          {t(WAIT_TEXT[payment.action?.kind ?? 'password'])}{' '}
          <TimeLeft until={payment.action?.until ?? null} />
        </p>
      )}
      {(phase === 'paid' || phase === 'failed') && payment && (
        <p
          className={`bo-alert ${phase === 'paid' ? 'ok' : 'bad'}`}
          role="status"
          data-testid="payment-outcome"
          data-reason={payment.reason ?? undefined}
          title={payment.reason ?? undefined}
        >
          {/* A sentence the cashier can act on; the provider's raw code stays in the tooltip. */}
          {payment.outcome === 'paid'
            ? t('payment.paid')
            : `${t(payment.outcome === 'reversed' ? 'payment.reversed' : 'payment.failed')} ${t(
                `reason.${reasonOf(payment)}`,
              )}`}
          {payment.attemptId && (
            <span className="bo-muted"> · {t('payment.attempt', { id: payment.attemptId })}</span>
          )}
        </p>
      )}
      {phase === 'collecting_credential' && snapshot?.method && (
        <p className="bo-muted" data-testid="collect-hint">
          {t(`payment.collect.${snapshot.method}`)}
        </p>
      )}
      {snapshot && <SplitControl snapshot={snapshot} client={client} store={store} />}
      {phase === 'collecting_credential' && snapshot?.method === 'code' && (
        <ManualCode client={client} store={store} />
      )}
    </section>
  );
}

/** What the payment waits for, in the cashier's words. */
const WAIT_TEXT = {
  password: 'payment.passwordWait',
  payer: 'payment.payerWait',
  scan: 'payment.scanWait',
} as const;

/** The countdown to when the payment system gives up waiting. */
function TimeLeft({ until }: { until: number | null }) {
  const { t } = useTranslation();
  const left = useSecondsLeft(until);
  return left === null ? null : (
    <strong data-testid="wait-countdown">{t('payment.timeLeft', { time: clockText(left) })}</strong>
  );
}

/** Typing the customer's payment code when the scanner cannot read it. */
function ManualCode({ client, store }: { client: ContractClient<'cashier'>; store: StationStore }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Refused here with the classifier's reason: a wrong code never reaches the network.
    const c = classifyPaymentCode(code);
    if (!c.valid)
      return setError(t('payment.codeRefused', { reason: codeRefusalText(t, c.error) }));
    setBusy(true);
    const r = await client.call('credential.submit', {
      credential: { kind: 'payment_code', code: c.code, platform: c.platform },
    });
    setBusy(false);
    if (!r.ok) return setError(errorText(t, r.error));
    applySnapshot(store, r.value);
    setError(null);
    setCode('');
  };
  return (
    <form className="bo-form manual-code" onSubmit={(e) => void submit(e)}>
      <label htmlFor="manual-code">{t('payment.manualLabel')}</label>
      <div className="bo-stack">
        <input
          id="manual-code"
          inputMode="numeric"
          autoComplete="off"
          value={code}
          aria-invalid={error !== null}
          onChange={(e) => {
            setCode(e.target.value);
            setError(null);
          }}
          placeholder={t('payment.manualPlaceholder')}
        />
        <button type="submit" className="primary" disabled={busy || code.trim() === ''}>
          {t('payment.payWithCode')}
        </button>
      </div>
      {error && (
        <p className="bo-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
