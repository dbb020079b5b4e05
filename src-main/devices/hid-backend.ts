import { errorText } from './status';

/** A HID device as enumeration reports it. */
export interface HidDeviceInfo {
  vendorId: number;
  productId: number;
  path?: string | undefined;
  product?: string | undefined;
  manufacturer?: string | undefined;
  serialNumber?: string | undefined;
  usagePage?: number | undefined;
  usage?: number | undefined;
  interface?: number | undefined;
}

/** An open HID device: emits 'data' (one input report) and 'error' (read failed / unplugged). */
export interface HidConnection {
  on(event: 'data', listener: (report: Buffer) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  close(): Promise<void>;
}

/** The HID port of the scanner adapter: node-hid in production. */
export interface HidBackend {
  devices(): Promise<HidDeviceInfo[]>;
  open(path: string): Promise<HidConnection>;
}

/**
 * node-hid's async API (devicesAsync / HIDAsync.open), loaded on first use so a station
 * without HID scanners, or without libusb/hidraw, never loads the native module.
 */
export function nodeHidBackend(): HidBackend {
  const load = () => import('node-hid');
  return {
    async devices() {
      const hid = await load();
      return hid.devicesAsync();
    },
    async open(path) {
      const hid = await load();
      // nonExclusive: on macOS another reader (the OS keyboard driver) may hold the device.
      return (await hid.HIDAsync.open(path, { nonExclusive: true })) as unknown as HidConnection;
    },
  };
}

/** Lists HID devices; an error result (not a throw) when the HID layer is unavailable. */
export async function listHidDevices(
  backend: HidBackend = nodeHidBackend(),
): Promise<{ ok: true; value: HidDeviceInfo[] } | { ok: false; error: string }> {
  try {
    return { ok: true, value: await backend.devices() };
  } catch (error) {
    return { ok: false, error: errorText(error) };
  }
}
