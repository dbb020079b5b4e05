import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractClient } from '../../src-main/contract/client';
import { formatMinor } from '../../src-main/contract/money';
import type { AttemptRow, RefundRow } from '../../src-main/contract/payments';
import { PLATFORM_TEXT, statusCode, timeText } from './format';
import { checkRefund, refundable } from './refund-check';

/** One attempt in full, with the refund form (full or partial, reason required). */
export function AttemptDetail({
  client,
  attempt: a,
  onRefunded,
}: {
  client: ContractClient<'cashier'>;
  attempt: AttemptRow;
  onRefunded(refund: RefundRow): void;
}) {
  const { t } = useTranslation();
  const left = refundable(a);
  const [amountText, setAmountText] = useState(formatMinor(left, a.currency).replace(/,/g, ''));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<{ field: string; text: string } | null>(null);
  const [done, setDone] = useState<{ row: RefundRow; reason: string } | null>(null);
  // A refund sends money back for good: the checked request waits here for a second yes.
  const [pending, setPending] = useState<{ amount: number; reason: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkRefund({ amountText, reason }, a);
    if (!checked.ok) return setError({ field: checked.field, text: checked.error });
    setError(null);
    setPending(checked.value);
  };

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    const r = await client.call('payments.refund', { attemptId: a.id, ...pending });
    setBusy(false);
    setPending(null);
    if (!r.ok) return setError({ field: 'form', text: r.error.message });
    setError(null);
    setDone({ row: r.value, reason: pending.reason });
    setReason('');
    // The form now offers what is left, so a second refund starts from the right amount.
    setAmountText(formatMinor(Math.max(0, left - r.value.amount), a.currency).replace(/,/g, ''));
    onRefunded(r.value);
  };

  const method = t(`payment.method.${a.method}`);
  const fields: [string, string][] = [
    ['attempt', a.id],
    ['order', a.orderId],
    ['time', timeText(a.createdAt)],
    ['amount', `${formatMinor(a.amount, a.currency)} ${a.currency}`],
    ['method', method + (a.platform ? ` · ${PLATFORM_TEXT[a.platform]}` : '')],
    ['credential', a.credentialHint || '—'],
    ['provider', `${a.provider}${a.providerRef ? ` · ${a.providerRef}` : ''}`],
    ['shift', a.shift],
    ['status', t(`attempt.status.${statusCode(a)}`) + (a.reason ? ` (${a.reason})` : '')],
    ['refunded', `${formatMinor(a.refunded, a.currency)} ${a.currency}`],
  ];

  return (
    <section
      className="bo-card attempt-detail"
      aria-label={`Payment ${a.id}`}
      data-testid="attempt-detail"
    >
      <h3>{t('attempt.details')}</h3>
      <dl className="bo-dl">
        {fields.map(([k, v]) => (
          <div key={k}>
            <dt>{t(`attempt.field.${k}`)}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {done && (
        <p className={done.row.state === 'failed' ? 'bo-error' : 'bo-ok'} role="status">
          Refund {done.row.id}: {formatMinor(done.row.amount, a.currency)} {a.currency} —{' '}
          {done.row.state === 'succeeded'
            ? 'refunded'
            : done.row.state === 'failed'
              ? `failed (${done.row.stateReason ?? 'no reason given'})`
              : 'requested'}
          . Reason: “{done.reason}”
        </p>
      )}
      {pending && (
        <div className="bo-alert warn" role="alertdialog" aria-label="Confirm the refund">
          <p>
            Refund {formatMinor(pending.amount, a.currency)} {a.currency} of this{' '}
            {formatMinor(a.amount, a.currency)} {a.currency} payment to {a.credentialHint || method}
            ? Reason: “{pending.reason}”
          </p>
          <div className="bo-row">
            <button
              type="button"
              className="danger"
              disabled={busy}
              autoFocus
              onClick={() => void confirm()}
            >
              Confirm refund
            </button>
            <button type="button" className="secondary" onClick={() => setPending(null)}>
              Back
            </button>
          </div>
        </div>
      )}
      {left > 0 ? (
        <form className="bo-form" onSubmit={(e) => void submit(e)} aria-label="Refund">
          <h4>
            Refund <span className="bo-muted">(up to {formatMinor(left, a.currency)})</span>
          </h4>
          <div className="bo-row">
            <label htmlFor="refund-amount">Amount</label>
            <input
              id="refund-amount"
              inputMode="decimal"
              value={amountText}
              aria-invalid={error?.field === 'amount'}
              onChange={(e) => setAmountText(e.target.value)}
            />
            <button
              type="button"
              className="secondary"
              onClick={() => setAmountText(formatMinor(left, a.currency).replace(/,/g, ''))}
            >
              Full
            </button>
          </div>
          <div className="bo-row">
            <label htmlFor="refund-reason">Reason</label>
            <input
              id="refund-reason"
              value={reason}
              maxLength={200}
              aria-invalid={error?.field === 'reason'}
              onChange={(e) => setReason(e.target.value)}
              placeholder="e.g. damaged item returned"
            />
          </div>
          {error && (
            <p className="bo-error" role="alert">
              {error.text}
            </p>
          )}
          <button type="submit" className="danger" disabled={busy || pending !== null}>
            Refund
          </button>
        </form>
      ) : (
        <p className="bo-muted">
          {a.state === 'paid' ? 'Refunded in full.' : 'Only paid payments can be refunded.'}
        </p>
      )}
    </section>
  );
}
