// The devices module's public surface, for the station and the CLI.
export {
  createDeviceManager,
  maskCode,
  type DeviceHealth,
  type DeviceManager,
  type DeviceManagerOptions,
  type DeviceScan,
} from './device-manager';
export { devicesConfigSchema, type DeviceConfig, type DevicesConfig } from './config';
export { createSerialScanner, listSerialPorts, type SerialPortEntry } from './serial-scanner';
export { createHidScanner } from './hid-scanner';
export { listHidDevices, nodeHidBackend, type HidBackend, type HidDeviceInfo } from './hid-backend';
export type { ScannerHandle, ScannerStatus } from './status';
