import { useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import type { ContractClient } from '../../src-main/contract/client';
import { formatMinor } from '../../src-main/contract/money';
import { classifyPaymentCode } from '../../src-main/contract/payment-code';
import { paymentSteps } from '../../src-customer/pay/payment-steps';
import { applySnapshot, type StationStore } from '../shared/station-store';
import { METHOD_TEXT, PLATFORM_TEXT } from './format';

const STEP_TEXT = {
  sending: 'Sending to the payment system',
  user_paying: "Waiting for the customer's password on their phone",
  querying: 'Querying the result',
  reversing: 'Reversing (no final answer in time)',
} as const;

/** What the customer is doing while the credential is collected. */
const COLLECT_TEXT = {
  code: 'The customer shows a payment code to the scanner.',
  face: 'The customer is looking at the camera on the display.',
  proxy: "The customer is entering the payer's proxy ID on the display.",
  qr: "The customer scans the store's QR code on the display, then taps “I have paid”.",
} as const;

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
  const snapshot = useStore(store, (s) => s.snapshot);
  const phase = snapshot?.phase ?? 'idle';
  const payment = snapshot?.payment ?? null;
  const order = snapshot?.order ?? null;
  const showProgress =
    phase === 'collecting_credential' ||
    phase === 'authorizing' ||
    ((phase === 'paid' || phase === 'failed') && payment !== null);
  if (!showProgress) return null;
  const currency = order?.currency ?? 'CNY';
  return (
    <section className="bo-card payment-panel" aria-label="Payment" data-testid="payment-panel">
      <h2>
        Payment
        {order && (
          <span className="bo-amount">
            {formatMinor(order.total, currency)} {currency}
          </span>
        )}
      </h2>
      <p className="bo-muted">
        {snapshot?.method ? METHOD_TEXT[snapshot.method] : 'No method yet'}
        {payment?.platform && ` · ${PLATFORM_TEXT[payment.platform] ?? payment.platform}`}
      </p>
      {phase === 'authorizing' && (
        <ol className="bo-steps">
          {paymentSteps(payment).map((s) => (
            <li key={s.name} className={`bo-step bo-step-${s.state}`}>
              {STEP_TEXT[s.name]}
            </li>
          ))}
        </ol>
      )}
      {phase === 'authorizing' && payment?.step === 'user_paying' && (
        <p className="bo-alert warn" role="status" data-testid="password-wait">
          The customer must enter their password on their phone.
        </p>
      )}
      {(phase === 'paid' || phase === 'failed') && payment && (
        <p
          className={`bo-alert ${phase === 'paid' ? 'ok' : 'bad'}`}
          role="status"
          data-testid="payment-outcome"
        >
          {payment.outcome === 'paid'
            ? 'Paid'
            : payment.outcome === 'reversed'
              ? 'Reversed: the customer was not charged'
              : 'Failed'}
          {payment.reason && payment.outcome !== 'paid' && `: ${payment.reason}`}
          {payment.attemptId && <span className="bo-muted"> · attempt {payment.attemptId}</span>}
        </p>
      )}
      {phase === 'collecting_credential' && snapshot?.method && (
        <p className="bo-muted" data-testid="collect-hint">
          {COLLECT_TEXT[snapshot.method]}
        </p>
      )}
      {phase === 'collecting_credential' && snapshot?.method === 'code' && (
        <ManualCode client={client} store={store} />
      )}
    </section>
  );
}

/** Typing the customer's payment code when the scanner cannot read it. */
function ManualCode({ client, store }: { client: ContractClient<'cashier'>; store: StationStore }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Refused here with the classifier's reason: a wrong code never reaches the network.
    const c = classifyPaymentCode(code);
    if (!c.valid) return setError(`That code cannot pay: ${c.error}.`);
    setBusy(true);
    const r = await client.call('credential.submit', {
      credential: { kind: 'payment_code', code: c.code, platform: c.platform },
    });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    applySnapshot(store, r.value);
    setError(null);
    setCode('');
  };
  return (
    <form className="bo-form manual-code" onSubmit={(e) => void submit(e)}>
      <label htmlFor="manual-code">Scanner not reading? Type the payment code</label>
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
          placeholder="18–24 digits"
        />
        <button type="submit" className="primary" disabled={busy || code.trim() === ''}>
          Pay with code
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
