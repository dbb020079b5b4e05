import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { pageCsp } from '../web-pages/csp';
import { servePage } from '../web-pages/static-pages';

const require = createRequire(import.meta.url);

/**
 * Where the customer display's face models and tfjs WASM binaries come from: the npm packages
 * on this machine, served from the station's own origin (never a CDN: stores are offline and
 * the page's CSP allows only 'self').
 */
const ROOTS: Record<string, string> = {
  models: join(dirname(require.resolve('@vladmandic/human')), '..', 'models'),
  wasm: dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')),
};

/** URL prefix of the face assets, under the customer page so relative URLs reach them. */
export const FACE_ASSETS_PREFIX = '/customer/face/';

/** Serves `/customer/face/models/…` and `/customer/face/wasm/…`; anything else is 404. */
export function serveFaceAsset(req: IncomingMessage, res: ServerResponse, url: string): void {
  const rest = url.slice(FACE_ASSETS_PREFIX.length);
  const slash = rest.indexOf('/');
  const root = ROOTS[rest.slice(0, slash)];
  if (slash < 0 || !root || !/\.(?:json|bin|wasm)(?:\?|$)/.test(rest)) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    return;
  }
  void servePage(req, res, root, rest.slice(slash + 1), {}, pageCsp('customer'));
}
