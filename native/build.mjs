// Builds the optional capture addon. Never fails the install: when there is no compiler,
// no X11 headers or no node headers, it says so and exits 0, and capture falls back to
// node-screenshots / screenshot-desktop at run time.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
if (process.env.COUNTERSIGN_SKIP_NATIVE) {
  console.log('countersign native capture: skipped (COUNTERSIGN_SKIP_NATIVE)');
  process.exit(0);
}
let gyp;
try {
  gyp = join(
    dirname(createRequire(import.meta.url).resolve('node-gyp/package.json')),
    'bin',
    'node-gyp.js',
  );
} catch {
  console.warn('countersign native capture: node-gyp not installed, using the fallback capture');
  process.exit(0);
}
// Offline machines: use the system's node headers (Debian's nodejs-dev) instead of letting
// node-gyp download them.
const args = [gyp, 'rebuild'];
if (!process.env.npm_config_nodedir && existsSync('/usr/include/node/node_api.h')) {
  args.push('--nodedir=/usr');
}
const result = spawnSync(process.execPath, args, { cwd: here, stdio: 'inherit' });
if (result.status !== 0) {
  console.warn(
    'countersign native capture: build failed, using the fallback capture (not an error)',
  );
}
process.exit(0);
