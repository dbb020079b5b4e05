import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractClient } from '../../src-main/contract/client';
import type { PaymentsStatus } from '../../src-main/contract/payments-status';

/**
 * "Payments unavailable, retrying" while the station cannot take payments (the payment system
 * does not answer yet, or the ledger cannot be written), with the station's reason. Reads the
 * status once, then follows the `payments.status` event; shows nothing while payments work.
 */
export function PaymentsBanner({ client }: { client: ContractClient<'cashier'> }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<PaymentsStatus | null>(null);
  useEffect(() => {
    let live = true;
    void client.call('payments.status', {}).then((r) => live && r.ok && setStatus(r.value));
    const off = client.on('payments.status', (next) => setStatus(next));
    return () => {
      live = false;
      off();
    };
  }, [client]);
  if (!status || status.available || status.state === 'not_running') return null;
  return (
    // The station's own words (which port, which file) stay in the tooltip for support.
    <div
      className="banner offline"
      role="status"
      data-testid="payments-banner"
      data-state={status.state}
      title={status.message}
    >
      <strong>{t('paymentsDown.title')}</strong> — {t(`paymentsDown.${status.state}`)}
    </div>
  );
}
