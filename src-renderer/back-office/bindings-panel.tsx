import { errorText } from '../station-text';
import { useErrorText } from '../use-error-text';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractClient } from '../../src-main/contract/client';
import { formatMinor } from '../../src-main/contract/money';
import type { StoreBinding } from '../../src-main/contract/payments';
import { PLATFORM_TEXT } from './format';

/** Wallets bound to this store at the payment system (no password up to a limit); the store may end one. */
export function BindingsPanel({
  client,
  currency,
}: {
  client: ContractClient<'cashier'>;
  currency: string;
}) {
  const { t } = useTranslation();
  const say = useErrorText();
  const [rows, setRows] = useState<StoreBinding[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // The bindings as the payment system holds them when the panel opens.
    let live = true;
    void client.call('bindings.list', {}).then((r) => {
      if (!live) return;
      if (r.ok) setRows(r.value);
      else setError(say(r.error));
    });
    return () => {
      live = false;
    };
  }, [client, say]);
  const remove = async (bindingId: string) => {
    const r = await client.call('bindings.remove', { bindingId });
    if (r.ok) {
      setRows(r.value);
      setError(null);
    } else setError(errorText(t, r.error));
  };
  return (
    <section className="bo-card" aria-label={t('bindings.title')}>
      <h2>{t('bindings.title')}</h2>
      <p className="bo-muted">{t('bindings.hint')}</p>
      {error && (
        <p className="bo-alert bad" role="alert">
          {error}
        </p>
      )}
      {rows && rows.length === 0 && <p data-testid="bindings-empty">{t('bindings.none')}</p>}
      {rows && rows.length > 0 && (
        <table className="bo-table" aria-label={t('bindings.title')}>
          <tbody>
            {rows.map((b) => (
              <tr key={b.bindingId}>
                <td>{b.accountName}</td>
                <td>{PLATFORM_TEXT[b.platform] ?? b.platform}</td>
                <td>{b.phone}</td>
                <td>
                  {t('bindings.limit', {
                    amount: `${formatMinor(b.maxAmount, currency)} ${currency}`,
                  })}
                </td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => void remove(b.bindingId)}
                  >
                    {t('bindings.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
