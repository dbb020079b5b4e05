import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import type { StationConfig } from '../config/schema';
import type { HqLink } from '../contract/hq-link';
import { loadConfig } from '../config/load-config';
import { sendBatch } from '../hq/hq-client';
import { loadStationCredential, resolveCaFile } from '../hq/station-credential';
import type { PushedSettings } from '../hq/hq-settings';
import { applyPushedSettings, loadSettingsState } from '../hq/station-settings';
import { startHqSync, type HqSync, type HqSyncStatus } from '../hq/station-sync';
import type { Ledger } from '../ledger/open-ledger';
import { paymentLimitsOf } from '../payments/config';
import type { PaymentService } from '../payments/payment-service';

/** The sync's status as the cashier window sees it (not enrolled: null status). */
export function hqLink(status: HqSyncStatus | null): HqLink {
  if (!status)
    return {
      enrolled: false,
      state: 'stopped',
      lastSyncAt: null,
      pending: 0,
      message: 'This station does not report to an HQ',
      settings: null,
    };
  const { lastSyncAt, pending, message, state, settings } = status;
  return {
    enrolled: true,
    state,
    lastSyncAt,
    pending,
    message: message.slice(0, 2000),
    settings: settings
      ? { revision: settings.revision, state: settings.state, message: settings.message }
      : null,
  };
}

/**
 * Starts pushing the ledger's outbox to HQ when this station is enrolled (docs/hq.md); null
 * when it is not. Payments never wait on it: it only reads the outbox and drops what HQ holds.
 */
export function setupHqSync(deps: {
  dataDir: string;
  config: StationConfig['hq'];
  ledger: Ledger;
  logger: Logger;
  version: string;
  /** Whether this station can take payments now, reported to HQ as part of its health. */
  paymentsState?: () => string;
  /** Every change of the sync's status (the cashier window's "HQ: last sync" line). */
  onStatus?: (status: HqSyncStatus) => void;
  /** Settings from HQ were saved to config.json: the running station takes up their live part. */
  onSettingsSaved?: (settings: PushedSettings) => void;
  /** The running payment service, which takes pushed time limits from its next attempt. */
  payments?: Pick<PaymentService, 'reconfigure'>;
}): HqSync | null {
  const { logger } = deps;
  let credential;
  try {
    credential = loadStationCredential(deps.dataDir);
  } catch (error) {
    logger.error({ err: error }, 'HQ sync not started');
    return null;
  }
  if (!credential) return null;
  const caFile = resolveCaFile(deps.dataDir, deps.config.caFile);
  let ca: string | undefined;
  try {
    ca = caFile ? readFileSync(caFile, 'utf8') : undefined;
  } catch (error) {
    // Payments go on; the log names the file a person must fix.
    logger.error(
      { err: error, caFile },
      'HQ sync not started: the CA file of hq.caFile is unreadable',
    );
    return null;
  }
  const { storeId, stationId } = credential;
  /**
   * The payment time limits config.json now holds (what the next start would read) go to the
   * running payment service: attempts under way keep theirs, the next one starts with these.
   */
  const takeLimits = () => {
    if (!deps.payments) return;
    let limits;
    try {
      limits = paymentLimitsOf(loadConfig(deps.dataDir).payments);
    } catch (error) {
      logger.warn({ err: error }, 'payment time limits from HQ not taken up until the next start');
      return;
    }
    const r = deps.payments.reconfigure(limits);
    if (r.ok)
      logger.info({ limits }, 'payment time limits from HQ in effect from the next payment');
    else
      logger.warn({ error: r.error }, 'payment time limits from HQ refused by the payment service');
  };
  let last = '';
  return startHqSync({
    outbox: deps.ledger.outbox,
    send: (batch) =>
      sendBatch({ url: credential.url, ca }, credential.credential, {
        storeId,
        stationId,
        ...batch,
      }),
    version: deps.version,
    now: Date.now,
    batchSize: deps.config.batchSize,
    intervalMs: deps.config.syncSeconds * 1000,
    settingsState: () => loadSettingsState(deps.dataDir),
    paymentsState: deps.paymentsState,
    applySettings: (pushed) => {
      const result = applyPushedSettings(deps.dataDir, pushed, Date.now());
      const level = result.state === 'applied' ? 'info' : 'warn';
      logger[level]({ hq: credential.url, ...result }, 'settings from HQ');
      if (result.state !== 'applied') return result;
      deps.onSettingsSaved?.(pushed.settings);
      if ('payments' in pushed.settings) takeLimits();
      return result;
    },
    onStatus: (status) => {
      deps.onStatus?.(status);
      // Log changes of state, not every push.
      if (status.state === last) return;
      last = status.state;
      const level = status.state === 'synced' ? 'info' : 'warn';
      logger[level]({ hq: credential.url, ...status }, 'HQ sync');
    },
  });
}
