import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, normalize, sep } from 'node:path';
import { pageCsp } from './csp';
import { contentTypeFor } from './mime';

/** Security headers on every response. */
export function baseHeaders(type: string, csp = pageCsp('cashier')): Record<string, string> {
  return {
    'Content-Type': type,
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(self), microphone=(), geolocation=()',
  };
}

/** Sends a short plain-text answer. */
export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    ...baseHeaders('text/plain; charset=utf-8'),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/**
 * Serves one window's built page from `root`, refusing any path that escapes it. `injectMeta`
 * adds <meta> tags to index.html (the station's token for the local cashier page).
 */
export async function servePage(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  subPath: string,
  injectMeta: Record<string, string> = {},
  csp = pageCsp('cashier'),
): Promise<void> {
  let rel: string;
  try {
    rel = decodeURIComponent(subPath.split('?')[0] ?? '');
  } catch {
    sendText(res, 400, 'Bad path');
    return;
  }
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  const file = normalize(join(root, rel));
  if (!file.startsWith(root + sep)) {
    sendText(res, 403, 'Forbidden');
    return;
  }
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
  } catch {
    if (rel === 'index.html') {
      sendText(res, 503, 'This window is not built yet: run `npm run build:windows` and reload.');
    } else sendText(res, 404, 'Not found');
    return;
  }
  const type = contentTypeFor(file);
  let body: Buffer | string = await readFile(file);
  if (type.startsWith('text/html')) {
    const metas = Object.entries(injectMeta)
      .map(
        ([name, content]) =>
          `<meta name="${name}" content="${content.replace(/[^A-Za-z0-9_.:/-]/g, '')}">`,
      )
      .join('');
    body = body.toString('utf8').replace('<head>', `<head>${metas}`);
  }
  res.writeHead(200, {
    ...baseHeaders(type, csp),
    // Hashed assets can be cached; pages carry a token and must not be.
    'Cache-Control': type.startsWith('text/html') ? 'no-store' : 'public, max-age=3600',
  });
  if (req.method === 'HEAD') res.end();
  else res.end(body);
}
