import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractClient } from '../../src-main/contract/client';
import { formatMinor } from '../../src-main/contract/money';
import type { PaymentOrder } from '../../src-main/contract/payments';
import { useErrorText } from '../use-error-text';

/** The items of the order a payment was for, as the ledger recorded them (keyed by attempt). */
export function OrderItems({
  client,
  attemptId,
}: {
  client: ContractClient<'cashier'>;
  attemptId: string;
}) {
  const { t } = useTranslation();
  const say = useErrorText();
  const [order, setOrder] = useState<PaymentOrder | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void client.call('payments.order', { attemptId }).then((r) => {
      if (!live) return;
      if (r.ok) setOrder(r.value);
      else setError(say(r.error));
    });
    return () => {
      live = false;
    };
  }, [client, attemptId, say]);
  if (error) return <p className="bo-error">{error}</p>;
  if (!order) return null;
  const money = (v: number) => formatMinor(v, order.currency);
  return (
    <table
      className="bo-table order-items"
      aria-label={t('attempt.items')}
      data-testid="order-items"
    >
      <thead>
        <tr>
          <th>{t('attempt.item.name')}</th>
          <th className="num">{t('attempt.item.quantity')}</th>
          <th className="num">{t('attempt.item.price')}</th>
          <th className="num">{t('attempt.item.amount')}</th>
        </tr>
      </thead>
      <tbody>
        {order.lines.map((l, i) => (
          <tr key={`l${i}`}>
            <td>{l.name}</td>
            <td className="num">{l.quantity}</td>
            <td className="num">{l.unitPrice === null ? '—' : money(l.unitPrice)}</td>
            <td className="num">{money(l.amount)}</td>
          </tr>
        ))}
        {order.adjustments.map((a, i) => (
          <tr key={`a${i}`} className="adjustment">
            <td colSpan={3}>{a.label}</td>
            <td className="num">{money(a.amount)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th colSpan={3}>{t('attempt.item.total')}</th>
          <td className="num">
            {money(order.total)} {order.currency}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
