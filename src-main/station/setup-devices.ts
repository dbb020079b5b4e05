import type { Logger } from 'pino';
import type { Handlers } from './dispatcher';
import type { DeviceHealthRow } from '../contract/hardware';
import { classifyPaymentCode } from '../contract/payment-code';
import { fail, ok } from '../contract/result';
import { listHidDevices } from '../devices/hid-backend';
import { listSerialPorts } from '../devices/serial-scanner';
import type { DevicesConfig } from '../devices/config';
import { createDeviceManager, maskCode, type DeviceHealth } from '../devices/device-manager';
import type { PaymentFlow } from './payment-flow';

export interface DevicesFeature {
  handlers: Pick<Handlers, 'devices.health' | 'devices.ports' | 'devices.testScan'>;
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
    handlers: {
      'devices.health': () => ok(manager.health().map(toHealthRow)),
      'devices.ports': async () => {
        const [serial, hid] = await Promise.all([listSerialPorts(), listHidDevices()]);
        return ok({
          serial: serial.ok
            ? serial.value.map(({ path, manufacturer, vendorId, productId }) => ({
                path,
                manufacturer,
                vendorId,
                productId,
              }))
            : [],
          hid: hid.ok
            ? hid.value.map((d) => ({
                vendorId: d.vendorId,
                productId: d.productId,
                product: d.product ?? null,
                manufacturer: d.manufacturer ?? null,
                usagePage: d.usagePage ?? null,
              }))
            : [],
          errors: [
            ...(serial.ok ? [] : [`serial: ${serial.error}`]),
            ...(hid.ok ? [] : [`HID: ${hid.error}`]),
          ],
        });
      },
      'devices.testScan': async ({ deviceId, timeoutMs }) => {
        const scan = await manager.testScan(deviceId, timeoutMs);
        if (!scan.ok) return fail('unavailable', scan.error);
        const code = classifyPaymentCode(scan.value.raw);
        return ok({
          deviceId,
          masked: maskCode(code.code),
          length: code.code.length,
          valid: code.valid,
          platform: code.platform,
          error: code.valid ? null : code.error,
        });
      },
    },
    close: () => manager.close(),
  };
}
