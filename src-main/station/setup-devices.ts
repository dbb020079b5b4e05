import type { Logger } from 'pino';
import type { Handlers } from '../bridge/dispatcher';
import type { DeviceHealthRow } from '../contract/hardware';
import type { DevicesConfig } from '../devices/config';
import { createDeviceManager, maskCode, type DeviceHealth } from '../devices/device-manager';
import type { PaymentFlow } from './payment-flow';

export interface DevicesFeature {
  handlers: Pick<Handlers, 'devices.health'>;
  close(): Promise<void>;
}

/** The device panel's row: the last scan masked, as in the logs. */
export function toHealthRow(h: DeviceHealth): DeviceHealthRow {
  return {
    id: h.id,
    kind: h.kind,
    connected: h.connected,
    lastScanAt: h.lastScanAt,
    lastError: h.lastError,
    lastScan: h.lastRaw === null ? null : maskCode(h.lastRaw),
  };
}

/**
 * Starts the configured scanners; every scan goes to the payment flow, which pays with it when
 * a code is awaited and otherwise drops it with a hint. Health changes are pushed to windows.
 */
export function setupDevices(deps: {
  config: DevicesConfig;
  logger: Logger;
  flow: PaymentFlow;
  onHealth(rows: DeviceHealthRow[]): void;
}): DevicesFeature {
  const manager = createDeviceManager({
    config: deps.config,
    logger: deps.logger,
    onScan: (scan) => deps.flow.handleScan(scan.raw, scan.deviceId),
    onHealth: (rows) => deps.onHealth(rows.map(toHealthRow)),
  });
  return {
    handlers: { 'devices.health': () => ({ ok: true, value: manager.health().map(toHealthRow) }) },
    close: () => manager.close(),
  };
}
