import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import type { ContractClient } from '../../src-main/contract/client';
import type { PairingCode } from '../../src-main/contract/commands';

interface Props {
  client: ContractClient<'cashier'>;
  onClose(): void;
}

/** Shows a one-time pairing code (and a QR of the display's address) for a customer display. */
export function PairingPanel({ client, onClose }: Props) {
  const [pairing, setPairing] = useState<PairingCode | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    void client.call('pairing.create', {}).then(async (r) => {
      if (!live) return;
      if (!r.ok) return setError(r.error.message);
      setPairing(r.value);
      setError(null);
      setQr(r.value.url ? await QRCode.toDataURL(r.value.url, { margin: 1, width: 220 }) : null);
    });
    return () => {
      live = false;
    };
  }, [client, attempt]);

  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);

  const left = pairing ? Math.max(0, Math.round((pairing.expiresAt - now) / 1000)) : 0;
  return (
    <section className="panel pairing" aria-label="Pair a customer display" role="dialog">
      <h2>Pair a customer display</h2>
      {error && <p className="error-text">{error}</p>}
      {pairing && (
        <div className="pairing-body">
          <div>
            <p>On the display, enter this code:</p>
            <p className="pairing-code" data-testid="pairing-code" aria-live="polite">
              {pairing.code}
            </p>
            <p className="hint">
              {left > 0
                ? `Valid for ${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`
                : 'Expired'}
            </p>
            {pairing.url && <p className="hint url">{pairing.url}</p>}
          </div>
          {qr && (
            <img
              className="qr"
              src={qr}
              alt={`QR code for ${pairing.url ?? ''}`}
              width={220}
              height={220}
            />
          )}
        </div>
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => setAttempt((n) => n + 1)}>
          New code
        </button>
        <button type="button" onClick={onClose} autoFocus>
          Close <kbd>Esc</kbd>
        </button>
      </div>
    </section>
  );
}
