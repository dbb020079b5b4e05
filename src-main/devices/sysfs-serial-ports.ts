import { readdir, readFile, readlink, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A serial port as read from sysfs (same shape as the settings screen's entry). */
export interface SysfsSerialPort {
  path: string;
  manufacturer: string | null;
  serialNumber: string | null;
  vendorId: string | null;
  productId: string | null;
  /** The stable `/dev/serial/by-id/…` name of the port, when udev made one. */
  byId: string | null;
}

// The tty names that are serial lines (same families serialport's own udev listing keeps):
// 8250/16550 UARTs, USB CDC-ACM and USB-serial adapters, ARM AMBA, WCH and Exar chips, rfcomm.
const SERIAL_TTY = /^(tty(S|WCH|ACM|USB|AMA|MFD|O|XRUSB)\d+|rfcomm\d+)$/;

const readText = async (path: string): Promise<string | null> => {
  try {
    const text = (await readFile(path, 'utf8')).trim();
    return text === '' ? null : text;
  } catch {
    return null;
  }
};

const exists = async (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false,
  );

/** Walks up from a tty's device folder to the USB device that carries idVendor, if any. */
async function usbDeviceOf(deviceDir: string, sysRoot: string): Promise<string | null> {
  for (let dir = deviceDir; dir.startsWith(sysRoot) && dir !== sysRoot; dir = dirname(dir)) {
    if (await exists(join(dir, 'idVendor'))) return dir;
  }
  return null;
}

/** Maps each tty name to its `/dev/serial/by-id` link (udev's stable names), when there are any. */
async function byIdLinks(devRoot: string): Promise<Map<string, string>> {
  const links = new Map<string, string>();
  const dir = join(devRoot, 'serial', 'by-id');
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const target = await readlink(join(dir, name)).catch(() => null);
    if (target) links.set(basename(target), join(dir, name));
  }
  return links;
}

/**
 * Lists serial ports from `/sys/class/tty` (and `/dev/serial/by-id` for stable names) without
 * udev: store machines and CI images often have no `udevadm`, and sysfs holds the same facts.
 * A tty counts when the kernel bound it to a device (virtual consoles and ptys have none).
 * `root` is `/` on a real machine; tests pass a folder laid out like one.
 */
export async function listSysfsSerialPorts(root = '/'): Promise<SysfsSerialPort[]> {
  const sysRoot = join(root, 'sys');
  const classDir = join(sysRoot, 'class', 'tty');
  const names = (await readdir(classDir).catch(() => [] as string[])).filter((n) =>
    SERIAL_TTY.test(n),
  );
  const links = await byIdLinks(join(root, 'dev'));
  const ports: SysfsSerialPort[] = [];
  for (const name of names.sort(byNumber)) {
    const device = await realpath(join(classDir, name, 'device')).catch(() => null);
    if (!device) continue;
    // A legacy UART slot with no chip behind it reports type 0 (PORT_UNKNOWN): not a port.
    if (name.startsWith('ttyS') && (await readText(join(classDir, name, 'type'))) === '0') continue;
    const usb = await usbDeviceOf(device, sysRoot);
    const attr = (key: string) => (usb ? readText(join(usb, key)) : Promise.resolve(null));
    ports.push({
      path: join(root, 'dev', name),
      manufacturer: await attr('manufacturer'),
      serialNumber: await attr('serial'),
      vendorId: await attr('idVendor'),
      productId: await attr('idProduct'),
      byId: links.get(name) ?? null,
    });
  }
  return ports;
}

/** ttyS2 before ttyS10: family first, then the number. */
function byNumber(a: string, b: string): number {
  const split = (s: string) => /^(\D+)(\d+)$/.exec(s) ?? ['', s, '0'];
  const [, fa, na] = split(a);
  const [, fb, nb] = split(b);
  return fa === fb ? Number(na) - Number(nb) : fa! < fb! ? -1 : 1;
}
