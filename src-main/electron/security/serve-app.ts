import { readFile as fsReadFile } from 'node:fs/promises';
import { contentTypeFor } from '../../web-pages/mime';
import { resolveAppPath } from './app-protocol';

/** Reads a file's bytes; a port so the handler is tested against real files without Electron. */
export type ReadFile = (path: string) => Promise<Uint8Array>;

/**
 * Answers one request on our scheme (protocol.handle calls it): 403 for anything outside
 * out/renderer or not our host, 404 for a missing file, else the bytes with their type, the
 * CSP and nosniff. `log` hears refusals, which only a bug or an attack produces.
 */
export async function serveAppRequest(
  url: string,
  options: { rootDir: string; csp: string; log: (message: string) => void; readFile?: ReadFile },
): Promise<Response> {
  const path = resolveAppPath(url, options.rootDir);
  if (!path.ok) {
    options.log(`app request refused: ${path.error.message}`);
    return new Response('Forbidden', { status: 403, headers: { 'Content-Type': 'text/plain' } });
  }
  let body: Uint8Array;
  try {
    body = await (options.readFile ?? fsReadFile)(path.value);
  } catch {
    return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
  }
  return new Response(body as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      'Content-Type': contentTypeFor(path.value),
      'Content-Security-Policy': options.csp,
      'X-Content-Type-Options': 'nosniff',
      // Pages are rebuilt between releases; never let a stale cached bundle meet a new main.
      'Cache-Control': 'no-cache',
    },
  });
}
