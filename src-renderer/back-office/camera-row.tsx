import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractClient } from '../../src-main/contract/client';
import type { CameraStatusView } from '../../src-main/contract/store-ops';
import { agoOf } from './format';

/**
 * The customer display's camera in the device panel. Only the display knows its camera, so the
 * row is its last report and when it came; its test is a face payment on the display itself.
 */
export function CameraRow({ client, now }: { client: ContractClient<'cashier'>; now: number }) {
  const { t } = useTranslation();
  const [view, setView] = useState<CameraStatusView | null>(null);

  useEffect(() => {
    let live = true;
    void client.call('devices.camera', {}).then((r) => {
      if (live && r.ok) setView(r.value);
    });
    return () => {
      live = false;
    };
  }, [client]);

  if (!view) return null;
  const r = view.report;
  const state = r?.state ?? 'none';
  const tone = state === 'live' ? 'ok' : state === 'none' ? 'warn' : 'error';
  return (
    <li className={`bo-device tone-${tone}`} data-device="camera" data-state={state}>
      <span className="dot" aria-hidden="true" />
      <span className="bo-device-name">{t('storeOps.camera.name')}</span>
      <span className="bo-device-state">{t(`storeOps.camera.state.${state}`)}</span>
      <span className="bo-muted">
        {r
          ? t('storeOps.camera.reported', {
              ago: t(`ago.${agoOf(r.at, now).unit}`, agoOf(r.at, now)),
            })
          : t('storeOps.camera.none')}
      </span>
      {r?.error && <span className="bo-device-error">{r.error}</span>}
    </li>
  );
}
