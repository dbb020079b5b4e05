import { useErrorText } from '../use-error-text';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractClient } from '../../src-main/contract/client';
import type { PairingCode } from '../../src-main/contract/commands';
import { qrDataUrl } from '../../src-window-shared/qr-image';

interface Props {
  client: ContractClient<'cashier'>;
  onClose(): void;
  /** Told when a display paired while the panel was open, so the list can show it. */
  onPaired(name: string): void;
}

/** Shows a one-time pairing code (and a QR of the display's address) for a customer display. */
export function PairingPanel({ client, onClose, onPaired }: Props) {
  const { t } = useTranslation();
  const say = useErrorText();
  const [paired, setPaired] = useState<string | null>(null);
  const [pairing, setPairing] = useState<PairingCode | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    void client.call('pairing.create', {}).then(async (r) => {
      if (!live) return;
      if (!r.ok) return setError(say(r.error));
      setPairing(r.value);
      setError(null);
      setQr(r.value.url ? await qrDataUrl(r.value.url, { width: 120 }) : null);
    });
    return () => {
      live = false;
    };
  }, [client, attempt, say]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  // Pairing happens on the display; the station emits nothing here, so the list is watched
  // while the code is up and the first new display is announced.
  useEffect(() => {
    let live = true;
    let known: Set<string> | null = null;
    const poll = async () => {
      const r = await client.call('displays.list', {});
      if (!live || !r.ok) return;
      const fresh = known && r.value.find((d) => !known!.has(d.id));
      known = new Set(r.value.map((d) => d.id));
      if (fresh) {
        setPaired(fresh.name);
        onPaired(fresh.name);
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), 1000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [client, onPaired]);

  const left = pairing ? Math.max(0, Math.round((pairing.expiresAt - now) / 1000)) : 0;
  return (
    <section className="panel pairing" aria-label={t('pairing.title')} role="dialog">
      <h2>{t('pairing.title')}</h2>
      {error && <p className="error-text">{error}</p>}
      {paired && (
        <p className="message info" role="status" data-testid="paired">
          {t('pairing.paired', { name: paired })}
        </p>
      )}
      {/* Once a display paired the code has done its job; "New code" pairs another. */}
      {pairing && !paired && (
        <div className="pairing-body">
          <div>
            <p>{t('pairing.enter')}</p>
            <p className="pairing-code" data-testid="pairing-code" aria-live="polite">
              {pairing.code}
            </p>
            <p className="hint">
              {left > 0
                ? t('pairing.valid', {
                    time: `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`,
                  })
                : t('pairing.expired')}
            </p>
            {pairing.url && <p className="hint url">{pairing.url}</p>}
          </div>
          {qr && (
            <img
              className="qr"
              src={qr}
              alt={t('pairing.qrAlt', { url: pairing.url ?? '' })}
              width={120}
              height={120}
            />
          )}
        </div>
      )}
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setPaired(null);
            setAttempt((n) => n + 1);
          }}
        >
          {t('pairing.newCode')}
        </button>
        <button type="button" onClick={onClose} autoFocus>
          {t('pairing.close')} <kbd>Esc</kbd>
        </button>
      </div>
    </section>
  );
}
