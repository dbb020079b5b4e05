import { useErrorText } from '../use-error-text';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractClient } from '../../src-main/contract/client';
import type { DeviceHealthRow } from '../../src-main/contract/hardware';
import { agoOf, deviceTone } from './format';

/**
 * Scanner health: one row per configured device with a status dot, last scan and last error.
 * Reads the list once, then follows the station's `devices.health` events.
 */
export function DevicePanel({
  client,
  compact = false,
}: {
  client: ContractClient<'cashier'>;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const say = useErrorText();
  const [rows, setRows] = useState<DeviceHealthRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    let live = true;
    void client.call('devices.health', {}).then((r) => {
      if (!live) return;
      if (r.ok) setRows(r.value);
      else setError(say(r.error));
    });
    const off = client.on('devices.health', (next) => setRows(next));
    // "4 min ago" keeps counting.
    const timer = setInterval(() => setNow(Date.now()), 10_000);
    return () => {
      live = false;
      off();
      clearInterval(timer);
    };
  }, [client, say]);

  if (error)
    return (
      <p className="bo-error" role="alert">
        {t('devices.unavailable', { error })}
      </p>
    );
  if (!rows) return <p className="bo-muted">{t('devices.reading')}</p>;
  if (rows.length === 0)
    return (
      <p className="bo-muted" data-testid="devices-none">
        {t('devices.none')}
      </p>
    );
  return (
    <ul className={`bo-devices ${compact ? 'compact' : ''}`} data-testid="devices">
      {rows.map((d) => {
        const tone = deviceTone(d);
        return (
          <li key={d.id} className={`bo-device tone-${tone}`} data-device={d.id} data-tone={tone}>
            <span className="dot" aria-hidden="true" />
            <span className="bo-device-name">
              {d.id}
              <span className="bo-muted"> · {t(`devices.kind.${d.kind}`)}</span>
            </span>
            <span className="bo-device-state">
              {t(d.connected ? 'devices.online' : 'devices.offline')}
            </span>
            {!compact && (
              <span className="bo-muted">
                {t('devices.lastScan', {
                  ago: t(`ago.${agoOf(d.lastScanAt, now).unit}`, agoOf(d.lastScanAt, now)),
                })}
                {d.lastScan && ` (${d.lastScan})`}
              </span>
            )}
            {d.lastError && <span className="bo-device-error">{d.lastError}</span>}
          </li>
        );
      })}
    </ul>
  );
}
