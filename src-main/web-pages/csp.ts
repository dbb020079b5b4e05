// The Content-Security-Policy of the windows' pages: one rule for the Electron scheme, the pages
// `countersign serve` sends, and the <meta> tag vite writes into each built index.html (vite's
// config loader reads this file, hence the .ts import).
import { createHash } from 'node:crypto';
import { REPORT_CSS } from '../reports/report-style.ts';

/** The day report's stylesheet, allowed by its hash: the cashier shows the report in a frame. */
const REPORT_STYLE = `'sha256-${createHash('sha256').update(REPORT_CSS).digest('base64')}'`;

/** The windows whose pages we serve. */
export type PageKind = 'cashier' | 'customer';

/** Where the policy goes: a response header, or a <meta> tag (which cannot carry frame-ancestors). */
export type PolicyCarrier = 'header' | 'meta';

/**
 * The policy of a window's page. Scripts and styles only from our own origin (vite emits files,
 * no inline script or style); no eval; no network except our own origin; images may be
 * data:/blob: (QR codes, camera frames); media from blob: (the camera stream). The customer
 * display also compiles the face models' WebAssembly (tfjs WASM backend). `self` is the
 * origin's source expression: "'self'" for served pages, the app scheme's origin in Electron.
 */
export function pageCsp(
  page: PageKind,
  self = "'self'",
  carrier: PolicyCarrier = 'header',
): string {
  const directives: [string, string[]][] = [
    ['default-src', ["'none'"]],
    ['script-src', page === 'customer' ? [self, "'wasm-unsafe-eval'"] : [self]],
    // No 'unsafe-inline': React sets styles through CSSOM, which CSP does not restrict.
    ['style-src', page === 'cashier' ? [self, REPORT_STYLE] : [self]],
    ['img-src', [self, 'data:', 'blob:']],
    ['font-src', [self]],
    ['media-src', [self, 'blob:', 'mediastream:']],
    ['connect-src', [self]],
    ['worker-src', ["'none'"]],
    ['object-src', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
  ];
  if (carrier === 'header') directives.push(['frame-ancestors', ["'none'"]]);
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}

/** The window a URL path belongs to (`/customer/…` is the display; anything else the cashier's policy). */
export function pageKindOf(path: string): PageKind {
  return path.startsWith('/customer/') ? 'customer' : 'cashier';
}
