// Runs the station's serial scanner on one port and prints what happens as JSON lines:
// {"ports": …} once, then {"status": …} and {"scan": "…"}. The Windows serial test runs it with
// the Windows node.exe under Wine:  node --import tsx serial-probe.ts COM5
import { createSerialScanner, listSerialPorts } from '../../devices/serial-scanner';

const path = process.argv[2];
if (!path) {
  process.stderr.write('usage: serial-probe.ts PORT\n');
  process.exit(2);
}
const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
print({ ports: await listSerialPorts() });
createSerialScanner({
  path,
  baudRate: 9600,
  dataBits: 8,
  parity: 'none',
  stopBits: 1,
  suffix: 'CR',
  // Quick retries: the test unplugs the port and waits for it to come back.
  backoff: { initialMs: 100, maxMs: 800 },
  onScan: (raw) => print({ scan: raw }),
  onStatus: (status) => print({ status }),
});
