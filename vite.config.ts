// Builds the two windows as self-contained pages: src-renderer → out/renderer/cashier/ and
// src-customer → out/renderer/customer/, and HQ's admin page src-hq → out/renderer/hq/.
// `base: './'` keeps every asset URL relative, so the same files load from file:// in Electron
// and from http://host/cashier/ under `countersign serve`.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build, defineConfig, type Plugin, type UserConfig } from 'vite';
import { pageCsp, type PageKind } from './src-main/web-pages/csp.ts';

const here = dirname(fileURLToPath(import.meta.url));
const windows = { cashier: 'src-renderer', customer: 'src-customer', hq: 'src-hq' } as const;

/**
 * Writes the window's CSP into its index.html as a <meta> tag, from the one rule the hosts send
 * as a header (src-main/web-pages/csp.ts), so a page opened any other way is held to it too.
 */
function cspMeta(page: PageKind): Plugin {
  return {
    name: 'countersign:csp-meta',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: {
          'http-equiv': 'Content-Security-Policy',
          content: pageCsp(page, "'self'", 'meta'),
        },
        injectTo: 'head-prepend',
      },
    ],
  };
}

function windowConfig(name: keyof typeof windows): UserConfig {
  return {
    root: resolve(here, windows[name]),
    base: './',
    publicDir: false,
    plugins: name === 'hq' ? [react()] : [react(), cspMeta(name)],
    logLevel: 'warn',
    build: {
      outDir: resolve(here, 'out/renderer', name),
      emptyOutDir: true,
      target: 'es2022',
      // The polyfill would be inlined into the page, which the windows' CSP forbids.
      modulePreload: { polyfill: false },
      // The face library (@vladmandic/human, tfjs inside) is one 1.5 MB chunk, loaded only on
      // the face screen.
      chunkSizeWarningLimit: 1600,
    },
    server: { fs: { allow: [here] } },
  };
}

/** `vite build` runs one build; this plugin chains the customer window's and HQ's after it. */
function alsoBuildCustomer(): Plugin {
  let started = false;
  return {
    name: 'countersign:customer-window',
    apply: 'build',
    async closeBundle() {
      if (started) return;
      started = true;
      await build({ configFile: false, ...windowConfig('customer') });
      await build({ configFile: false, ...windowConfig('hq') });
    },
  };
}

export default defineConfig({
  ...windowConfig('cashier'),
  plugins: [react(), cspMeta('cashier'), alsoBuildCustomer()],
});
