import { errorText } from '../station-text';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractClient } from '../../src-main/contract/client';

/** Prints a paid payment's receipt again (after paper ran out, or for the customer's records). */
export function ReprintButton({
  client,
  attemptId,
}: {
  client: ContractClient<'cashier'>;
  attemptId: string;
}) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const reprint = async () => {
    setBusy(true);
    const r = await client.call('printer.reprint', { attemptId });
    setBusy(false);
    setMessage(
      r.ok
        ? { error: false, text: t('storeOps.printer.reprinted') }
        : { error: true, text: errorText(t, r.error) },
    );
  };
  return (
    <div className="bo-row">
      <button
        type="button"
        className="secondary"
        disabled={busy}
        onClick={() => void reprint()}
        data-testid="reprint"
      >
        {t('storeOps.printer.reprint')}
      </button>
      {message && (
        <span className={message.error ? 'bo-error' : 'bo-muted'} role="status">
          {message.text}
        </span>
      )}
    </div>
  );
}
