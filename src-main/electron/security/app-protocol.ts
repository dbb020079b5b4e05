import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Role } from '../../contract/commands';
import { fail, ok, type Result } from '../../contract/result';

/**
 * Our pages are served from a privileged custom scheme instead of file://, so the
 * GrantFileProtocolExtraPrivileges fuse can be off and a page can never read arbitrary files.
 */
export const APP_SCHEME = 'countersign';
/** The single host of the scheme; anything else is not ours. */
export const APP_HOST = 'app';
/** The origin every window page has; navigation and IPC compare against it. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The URL of a role's page (vite builds it to out/renderer/<role>/index.html). */
export function pageUrl(role: Role): string {
  return `${APP_ORIGIN}/${role}/index.html`;
}

/** The role whose page a URL is (query and hash ignored), or null when it is not one of ours. */
export function roleOfPageUrl(url: string): Role | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  if (parsed.username || parsed.password || parsed.port) return null;
  if (parsed.pathname === '/cashier/index.html') return 'cashier';
  if (parsed.pathname === '/customer/index.html') return 'customer';
  return null;
}

/**
 * Maps a request URL of our scheme to a file under `rootDir` (out/renderer). Refuses other
 * schemes/hosts, encoded separators and any path that would leave the root, so a page cannot
 * read the ledger or config through `countersign://app/../../`.
 */
export function resolveAppPath(url: string, rootDir: string): Result<string> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail('invalid_input', `not a URL: ${url.slice(0, 200)}`);
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST)
    return fail('forbidden', `not an app URL: ${parsed.protocol}//${parsed.host}`);
  const raw = parsed.pathname;
  // %2f / %5c would survive URL normalisation and become separators after decoding.
  if (/%2f|%5c|%00/i.test(raw)) return fail('forbidden', `encoded separator in ${raw}`);
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return fail('invalid_input', `bad escape in ${raw}`);
  }
  const root = resolve(rootDir);
  const target = resolve(root, `.${decoded.endsWith('/') ? `${decoded}index.html` : decoded}`);
  const rel = relative(root, target);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel))
    return fail('forbidden', `outside the app: ${decoded}`);
  return ok(target);
}
