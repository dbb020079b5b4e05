import { parseArgs } from 'node:util';
import { listHidDevices } from '../devices/hid-backend';
import { listSerialPorts } from '../devices/serial-scanner';
import { UsageError, writeJsonLine, type CliIo } from './command';

const HELP = `Usage: countersign devices [--json]

Lists serial ports and USB HID devices, to find the path or vendor/product id of a scanner
for config.json's devices.scanners. --json prints one JSON object instead of a table.
`;

const hex4 = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;

/** `countersign devices [--json]` */
export async function run(argv: string[], io: CliIo): Promise<number> {
  let json: boolean;
  try {
    const { values } = parseArgs({
      args: argv,
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      io.stdout.write(HELP);
      return 0;
    }
    json = values.json === true;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const [serial, hid] = await Promise.all([listSerialPorts(), listHidDevices()]);
  if (json) {
    writeJsonLine(io.stdout, {
      serial: serial.ok ? serial.value : { error: serial.error },
      hid: hid.ok
        ? hid.value.map((d) => ({ ...d, vendorId: hex4(d.vendorId), productId: hex4(d.productId) }))
        : { error: hid.error },
    });
  } else {
    const out: string[] = ['Serial ports:'];
    if (!serial.ok) out.push(`  could not list serial ports: ${serial.error}`);
    else if (serial.value.length === 0) out.push('  none found');
    else {
      for (const p of serial.value) {
        const ids = p.vendorId ? ` usb ${p.vendorId}:${p.productId}` : '';
        const maker = p.manufacturer ? `  ${p.manufacturer}` : '';
        out.push(`  ${p.path}${ids}${maker}${p.byId ? `  (stable name ${p.byId})` : ''}`);
      }
    }
    out.push('HID devices:');
    if (!hid.ok) out.push(`  could not list HID devices: ${hid.error}`);
    else if (hid.value.length === 0) out.push('  none found');
    else {
      for (const d of hid.value) {
        const usage =
          d.usagePage === undefined ? '' : ` usage ${hex4(d.usagePage)}:${hex4(d.usage ?? 0)}`;
        const pos = d.usagePage === 0x8c ? ' (HID POS scanner)' : '';
        const name = [d.manufacturer, d.product].filter(Boolean).join(' ');
        out.push(
          `  ${hex4(d.vendorId)}:${hex4(d.productId)}${usage}${pos}  ${name}  ${d.path ?? ''}`.trimEnd(),
        );
      }
    }
    io.stdout.write(`${out.join('\n')}\n`);
  }
  return serial.ok || hid.ok ? 0 : 1;
}
