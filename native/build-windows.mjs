// Cross-builds the Windows capture addon, the Windows test POS and a Wine 8 shim with mingw-w64 (Debian's
// g++-mingw-w64-x86-64-posix) into native/build/win32-x64/. Node-API is a C ABI, so the addon
// links against the .def files of node-api-headers and loads in the official node.exe (and, by
// the delay-load hook, in electron.exe). Usage: node native/build-windows.mjs
// Exits 1 with the reason when mingw or a header package is missing; does nothing when the
// outputs are newer than their sources.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
export const outDir = join(here, 'build', 'win32-x64');

/** The first mingw compiler on PATH: the posix thread model has std::mutex (node-addon-api). */
function compiler(kind) {
  for (const name of [`x86_64-w64-mingw32-${kind}-posix`, `x86_64-w64-mingw32-${kind}`]) {
    if (spawnSync(name, ['--version']).status === 0) return name;
  }
  return null;
}

const newer = (out, sources) =>
  existsSync(out) && sources.every((s) => statSync(s).mtimeMs <= statSync(out).mtimeMs);

function run(cmd, args) {
  const result = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    console.error(`countersign windows build: ${cmd} failed`);
    process.exit(1);
  }
}

/**
 * Builds `out` through a file of this process's own, renamed into place when complete: test
 * files running at once may each start this build, and none may load a half-written file.
 */
function produce(out, build) {
  const temp = `${out}.${process.pid}.tmp`;
  build(temp);
  renameSync(temp, out);
}

const gxx = compiler('g++');
const gcc = compiler('gcc');
if (!gxx || !gcc || spawnSync('x86_64-w64-mingw32-dlltool', ['--version']).status !== 0) {
  console.error(
    'countersign windows build: mingw-w64 is not installed (Debian: apt-get install g++-mingw-w64-x86-64-posix)',
  );
  process.exit(1);
}
const apiHeaders = dirname(require.resolve('node-api-headers/package.json'));
const addonApi = dirname(require.resolve('node-addon-api/package.json'));
mkdirSync(outDir, { recursive: true });

const src = (f) => join(here, 'src', f);
const addonSources = [src('addon.cc'), src('capture-win.cc'), src('win-delay-load-hook.cc')];
const addon = join(outDir, 'countersign_capture.node');
if (!newer(addon, [...addonSources, src('capture.h')])) {
  // A delay-load import library for NODE.EXE made from node-api-headers' export list.
  const importLib = join(outDir, `libnode_api_delay.${process.pid}.a`);
  run('x86_64-w64-mingw32-dlltool', [
    '-d',
    join(apiHeaders, 'def', 'node_api.def'),
    '-y',
    importLib,
  ]);
  produce(addon, (file) =>
    run(gxx, [
      '-O2',
      '-std=c++17',
      '-shared',
      '-DNAPI_VERSION=8',
      '-DNODE_ADDON_API_DISABLE_CPP_EXCEPTIONS',
      '-DUNICODE',
      '-D_UNICODE',
      `-I${addonApi}`,
      `-I${join(apiHeaders, 'include')}`,
      ...addonSources,
      importLib,
      '-lgdi32',
      '-luser32',
      // No mingw DLLs next to the addon: libstdc++, libgcc and winpthread are linked in.
      '-static',
      '-s',
      '-o',
      file,
    ]),
  );
  rmSync(importLib);
}

const pos = join(outDir, 'test-pos.exe');
const posSource = join(here, 'test-pos', 'test-pos.c');
if (!newer(pos, [posSource])) {
  produce(pos, (file) =>
    run(gcc, ['-O2', '-Wall', posSource, '-lgdi32', '-luser32', '-static', '-s', '-o', file]),
  );
}
// Only for Wine 8, which lacks the DLL; the tests put it into their own Wine prefix.
const prng = join(outDir, 'bcryptprimitives.dll');
const prngSource = join(here, 'wine', 'bcryptprimitives.c');
if (!newer(prng, [prngSource])) {
  produce(prng, (file) =>
    run(gcc, ['-O2', '-Wall', '-shared', prngSource, '-ladvapi32', '-s', '-o', file]),
  );
}
console.log(`countersign windows build: ${addon}, ${pos} and ${prng}`);
