import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { servePage } from '../web-pages/static-pages';

/** Where `npm run build:windows` writes HQ's admin page (src-hq/). */
export const HQ_PAGE_ROOT = join(import.meta.dirname, '..', '..', 'out', 'renderer', 'hq');

/**
 * The admin page's policy: its own scripts and styles only, no inline code, no framing, calls
 * to HQ's own API only. The admin token is typed into the page and sent as a header, never put
 * in the page, so the page itself carries no secret.
 */
export const HQ_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** True when the path is the admin page or one of its assets. */
export const isPagePath = (path: string) =>
  path === '/' || path === '/index.html' || path.startsWith('/assets/');

/** Serves the admin page's file at `path` under the strict policy. */
export function serveHqPage(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  root = HQ_PAGE_ROOT,
): Promise<void> {
  return servePage(req, res, root, path.slice(1), {}, HQ_PAGE_CSP);
}
