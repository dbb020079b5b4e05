import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractClient } from '../../src-main/contract/client';
import type { HqLink } from '../../src-main/contract/hq-link';
import { agoOf } from '../back-office/format';

/** Past this without a sync the line turns to a warning (the station pushes every few seconds). */
const STALE_MS = 15 * 60_000;

/**
 * "HQ: last sync 3 h ago" for a station that reports to headquarters: when HQ last held this
 * station's ledger, what waits to be sent, and the last settings HQ pushed. Payments never wait
 * on HQ, so this is information, not a stop; nothing is shown at a station without an HQ.
 */
export function HqStatusLine({ client }: { client: ContractClient<'cashier'> }) {
  const { t } = useTranslation();
  const [link, setLink] = useState<HqLink | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let live = true;
    void client.call('hq.status', {}).then((r) => live && r.ok && setLink(r.value));
    const off = client.on('hq.status', (next) => setLink(next));
    const tick = setInterval(() => setNow(Date.now()), 30_000);
    return () => {
      live = false;
      off();
      clearInterval(tick);
    };
  }, [client]);
  if (!link?.enrolled) return null;
  const ago = agoOf(link.lastSyncAt, now);
  const stale =
    link.state !== 'synced' || link.lastSyncAt === null || now - link.lastSyncAt > STALE_MS;
  const s = link.settings;
  return (
    <p className={`hq-line${stale ? ' stale' : ''}`} role="status" data-testid="hq-line">
      {t('hq.lastSync', { ago: t(`ago.${ago.unit}`, ago) })}
      {link.pending > 0 && <> · {t('hq.waiting', { n: link.pending })}</>}
      {stale && link.state !== 'synced' && (
        <span title={link.message}> · {t(`hqState.${link.state}`)}</span>
      )}
      {s && (
        <>
          {' · '}
          {s.state === 'applied'
            ? t('hq.settingsApplied', { revision: s.revision })
            : t('hq.settingsRefused', { revision: s.revision, message: s.message })}
        </>
      )}
    </p>
  );
}
