import { errorText } from '../station-text';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractClient } from '../../src-main/contract/client';
import { formatMinor } from '../../src-main/contract/money';
import type { AttemptRow, RefundRow } from '../../src-main/contract/payments';
import { PLATFORM_TEXT, statusCode, timeText } from './format';
import { checkRefund, refundable } from './refund-check';
import { OrderItems } from './order-items';
import { ReprintButton } from './reprint-button';
import { writeAmount } from '../editor/number-text';
import { useNumberStyle } from '../number-style';
import { paymentReasonText } from '../station-text';

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
  const style = useNumberStyle();
  const left = refundable(a);
  // Written the store's way, so the amount offered reads back as itself.
  const typed = (v: number) => writeAmount(v, a.currency, style);
  const [amountText, setAmountText] = useState(typed(left));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<{ field: string; text: string } | null>(null);
  const money = (v: number) => `${formatMinor(v, a.currency)} ${a.currency}`;
  const [done, setDone] = useState<{ row: RefundRow; reason: string } | null>(null);
  // A refund sends money back for good: the checked request waits here for a second yes.
  const [pending, setPending] = useState<{ amount: number; reason: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkRefund({ amountText, reason }, a, style);
    if (!checked.ok)
      return setError({
        field: checked.field,
        text: t(`refund.error.${checked.key}`, checked.params),
      });
    setError(null);
    setPending(checked.value);
  };

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    const r = await client.call('payments.refund', { attemptId: a.id, ...pending });
    setBusy(false);
    setPending(null);
    if (!r.ok) return setError({ field: 'form', text: errorText(t, r.error) });
    setError(null);
    setDone({ row: r.value, reason: pending.reason });
    setReason('');
    // The form now offers what is left, so a second refund starts from the right amount.
    setAmountText(typed(Math.max(0, left - r.value.amount)));
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
    [
      'status',
      t(`attempt.status.${statusCode(a)}`) +
        // A failed or reversed payment says why in words; the raw code stays for support.
        (a.reason && (a.state === 'failed' || a.state === 'reversed')
          ? ` — ${paymentReasonText(t, a.state, a.reason)}`
          : ''),
    ],
    ['refunded', `${formatMinor(a.refunded, a.currency)} ${a.currency}`],
  ];

  return (
    <section
      className="bo-card attempt-detail"
      aria-label={t('attempt.label', { id: a.id })}
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
      <OrderItems key={a.id} client={client} attemptId={a.id} />
      {a.state === 'paid' && <ReprintButton client={client} attemptId={a.id} />}
      {done && (
        <p
          className={done.row.state === 'failed' ? 'bo-error' : 'bo-ok'}
          role="status"
          title={done.row.stateReason ?? undefined}
        >
          {t('refund.done', {
            id: done.row.id,
            amount: money(done.row.amount),
            state:
              done.row.state === 'succeeded'
                ? t('refund.succeeded')
                : done.row.state === 'failed'
                  ? t('refund.failed', { reason: t('error.reason.refund_refused') })
                  : t('refund.requested'),
            reason: done.reason,
          })}
        </p>
      )}
      {pending && (
        <div className="bo-alert warn" role="alertdialog" aria-label={t('refund.confirmTitle')}>
          <p>
            {t('refund.confirmText', {
              amount: money(pending.amount),
              paid: money(a.amount),
              to: a.credentialHint || method,
              reason: pending.reason,
            })}
          </p>
          <div className="bo-row">
            <button
              type="button"
              className="danger"
              disabled={busy}
              autoFocus
              onClick={() => void confirm()}
            >
              {t('refund.confirm')}
            </button>
            <button type="button" className="secondary" onClick={() => setPending(null)}>
              {t('refund.back')}
            </button>
          </div>
        </div>
      )}
      {left > 0 ? (
        <form className="bo-form" onSubmit={(e) => void submit(e)} aria-label={t('refund.title')}>
          <h4>
            {t('refund.title')}{' '}
            <span className="bo-muted">
              {t('refund.upTo', { left: formatMinor(left, a.currency) })}
            </span>
          </h4>
          <div className="bo-row">
            <label htmlFor="refund-amount">{t('refund.amount')}</label>
            <input
              id="refund-amount"
              inputMode="decimal"
              value={amountText}
              aria-invalid={error?.field === 'amount'}
              onChange={(e) => setAmountText(e.target.value)}
            />
            <button type="button" className="secondary" onClick={() => setAmountText(typed(left))}>
              {t('refund.full')}
            </button>
          </div>
          <div className="bo-row">
            <label htmlFor="refund-reason">{t('refund.reason')}</label>
            <input
              id="refund-reason"
              value={reason}
              maxLength={200}
              aria-invalid={error?.field === 'reason'}
              onChange={(e) => setReason(e.target.value)}
              placeholder={t('refund.reasonHint')}
            />
          </div>
          {error && (
            <p className="bo-error" role="alert">
              {error.text}
            </p>
          )}
          <button type="submit" className="danger" disabled={busy || pending !== null}>
            {t('refund.title')}
          </button>
        </form>
      ) : (
        <p className="bo-muted">
          {t(a.state === 'paid' ? 'refund.error.fullyRefunded' : 'refund.error.notPaid')}
        </p>
      )}
    </section>
  );
}
