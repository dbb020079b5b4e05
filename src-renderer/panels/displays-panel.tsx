import { errorText } from '../station-text';
import { useErrorText } from '../use-error-text';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractClient } from '../../src-main/contract/client';
import type { PairedDisplay } from '../../src-main/contract/commands';

interface Props {
  client: ContractClient<'cashier'>;
  /** Changes when a display may have paired meanwhile (the pairing panel closed), to re-list. */
  refreshKey: unknown;
}

/**
 * The customer displays paired with this station, each with an Unpair button: a lost or
 * replaced tablet is cut off at once. Unpairing asks once more, since the tablet must pair again.
 */
export function DisplaysPanel({ client, refreshKey }: Props) {
  const { t, i18n } = useTranslation();
  const say = useErrorText();
  const [displays, setDisplays] = useState<PairedDisplay[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  const load = useCallback(() => {
    void client.call('displays.list', {}).then((r) => {
      if (!r.ok) return setError(say(r.error));
      setDisplays(r.value);
      setError(null);
    });
  }, [client, say]);
  useEffect(load, [load, refreshKey]);

  const revoke = (id: string) => {
    setConfirming(null);
    void client.call('displays.revoke', { id }).then((r) => {
      if (!r.ok) return setError(errorText(t, r.error));
      setDisplays(r.value);
      setError(null);
    });
  };

  return (
    <section className="panel displays" aria-label={t('displays.title')}>
      <h2>{t('displays.title')}</h2>
      {error && <p className="error-text">{error}</p>}
      {displays?.length === 0 && <p className="hint">{t('displays.none')}</p>}
      <ul>
        {displays?.map((d) => (
          <li key={d.id} data-testid={`display-${d.id}`}>
            <span className="display-name">{d.name}</span>
            <span className="hint">
              {t('displays.pairedOn', {
                date: new Date(d.pairedAt).toLocaleDateString(i18n.language),
              })}
            </span>
            {confirming === d.id ? (
              <span className="confirm">
                <button type="button" className="danger" onClick={() => revoke(d.id)}>
                  {t('displays.unpairName', { name: d.name })}
                </button>
                <button type="button" className="secondary" onClick={() => setConfirming(null)}>
                  {t('displays.keep')}
                </button>
              </span>
            ) : (
              <button type="button" className="secondary" onClick={() => setConfirming(d.id)}>
                {t('displays.unpair')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
