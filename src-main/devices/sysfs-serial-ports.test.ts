import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listSerialPorts } from './serial-scanner';
import { listSysfsSerialPorts } from './sysfs-serial-ports';

// A machine's /sys and /dev laid out in a temp folder the way the kernel and udev lay them out:
// class/tty/<name>/device is a link into the device tree; a USB adapter's interface sits below
// the USB device that carries idVendor, idProduct, manufacturer and serial.
const root = mkdtempSync(join(tmpdir(), 'cs-sysfs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function file(path: string, text: string) {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), `${text}\n`);
}
function tty(name: string, devicePath: string | null, type?: string) {
  const dir = join(root, 'sys/class/tty', name);
  mkdirSync(dir, { recursive: true });
  if (type !== undefined) writeFileSync(join(dir, 'type'), `${type}\n`);
  if (devicePath) {
    mkdirSync(join(root, devicePath), { recursive: true });
    symlinkSync(join(root, devicePath), join(dir, 'device'));
  }
}

const usb = 'sys/devices/pci0000:00/0000:00:14.0/usb1/1-2';
file(`${usb}/idVendor`, '0c2e');
file(`${usb}/idProduct`, '0b61');
file(`${usb}/manufacturer`, 'Honeywell');
file(`${usb}/serial`, '17338B4F1D');
tty('ttyACM0', `${usb}/1-2:1.0/tty/ttyACM0`);
tty('ttyS0', 'sys/devices/platform/serial8250/tty/ttyS0', '4');
tty('ttyS1', 'sys/devices/platform/serial8250/tty/ttyS1', '0');
tty('tty1', 'sys/devices/virtual/tty/tty1');
tty('ttyS10', null);
mkdirSync(join(root, 'dev/serial/by-id'), { recursive: true });
symlinkSync('../../ttyACM0', join(root, 'dev/serial/by-id/usb-Honeywell_Scanner_17338B4F1D-if00'));

describe('listing serial ports from sysfs (no udevadm)', () => {
  it('finds USB and UART ports with their ids, skips empty UART slots, consoles and unbound ttys', async () => {
    expect(await listSysfsSerialPorts(root)).toEqual([
      {
        path: join(root, 'dev/ttyACM0'),
        manufacturer: 'Honeywell',
        serialNumber: '17338B4F1D',
        vendorId: '0c2e',
        productId: '0b61',
        byId: join(root, 'dev/serial/by-id/usb-Honeywell_Scanner_17338B4F1D-if00'),
      },
      {
        path: join(root, 'dev/ttyS0'),
        manufacturer: null,
        serialNumber: null,
        vendorId: null,
        productId: null,
        byId: null,
      },
    ]);
  });

  it('a machine without /sys/class/tty has no ports, not an error', async () => {
    expect(await listSysfsSerialPorts(join(root, 'nowhere'))).toEqual([]);
  });

  it('on this machine the list comes back without spawning anything', async () => {
    const result = await listSerialPorts();
    expect(result.ok).toBe(true);
    if (result.ok) expect(Array.isArray(result.value)).toBe(true);
  });
});
