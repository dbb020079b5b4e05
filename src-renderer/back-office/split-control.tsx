import { errorText } from '../station-text';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  nextPaymentAmount,
  remainingOf,
  type CheckoutSnapshot,
} from '../../src-main/contract/checkout';
import type { ContractClient } from '../../src-main/contract/client';
import { formatMinor } from '../../src-main/contract/money';
import { readMoney, useNumberStyle } from '../number-style';
import { applySnapshot, type StationStore } from '../../src-window-shared/station-store';

/** Phases in which the next payment's amount can still be set (before its credential). */
const PART_PHASES: readonly CheckoutSnapshot['phase'][] = [
  'choosing_method',
  'collecting_credential',
  'failed',
];

/**
 * Split payment, as the cashier sees it: the parts paid so far and what is left, and the amount
 * of the next payment when the whole is over a method's or an account's per-payment limit.
 */
export function SplitControl({
  snapshot,
  client,
  store,
}: {
  snapshot: CheckoutSnapshot;
  client: ContractClient<'cashier'>;
  store: StationStore;
}) {
  const { t } = useTranslation();
  const style = useNumberStyle();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const order = snapshot.order;
  if (!order) return null;
  const currency = order.currency;
  const money = (n: number) => `${formatMinor(n, currency)} ${currency}`;
  const paid = snapshot.split?.paid ?? [];
  const canSet = PART_PHASES.includes(snapshot.phase);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const amount = text.trim() === '' ? null : readMoney(text, currency, style);
    if (text.trim() !== '' && amount === null) return setError(t('split.badAmount'));
    const r = await client.call('checkout.setPart', { amount });
    if (!r.ok) return setError(errorText(t, r.error));
    setError(null);
    setText('');
    applySnapshot(store, r.value);
  };
  return (
    <div className="split-control" data-testid="split-control">
      {paid.length > 0 && (
        <ol className="bo-parts" aria-label={t('split.paidParts')}>
          {paid.map((p, i) => (
            <li key={p.attemptId}>
              {t('split.part', { n: i + 1, amount: money(p.amount) })}
              <span className="bo-muted"> · {p.attemptId}</span>
            </li>
          ))}
        </ol>
      )}
      {(paid.length > 0 || snapshot.split?.next) && remainingOf(snapshot) > 0 && (
        <p data-testid="split-left">
          {t('split.left', {
            left: money(remainingOf(snapshot)),
            next: money(nextPaymentAmount(snapshot)),
          })}
        </p>
      )}
      {canSet && (
        <form onSubmit={(e) => void submit(e)} className="bo-inline-form">
          <label>
            {t('split.nextLabel')}{' '}
            <input
              value={text}
              onChange={(e) => setText(e.target.value)}
              inputMode="decimal"
              placeholder={formatMinor(remainingOf(snapshot), currency)}
            />
          </label>{' '}
          <button type="submit">{t('split.set')}</button>
        </form>
      )}
      {error && (
        <p className="bo-alert bad" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
