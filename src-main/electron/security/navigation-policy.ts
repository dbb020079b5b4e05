import type { Role } from '../../contract/commands';
import { roleOfPageUrl } from './app-protocol';

/**
 * Whether a window may navigate to `url`: only to our own page of the window's role (a reload,
 * or a hash/query change). Everything else — http, https, file, javascript:, data:, other app
 * paths, the other role's page, and any navigation of a webContents that is not one of our
 * windows (role null) — is denied, so a confused or compromised page cannot load other content
 * with the preload's API attached.
 */
export function isAllowedNavigation(url: string, windowRole: Role | null): boolean {
  return windowRole !== null && roleOfPageUrl(url) === windowRole;
}

/** What to do with window.open / target=_blank: a kiosk station never opens windows or browsers. */
export type WindowOpenDecision = { action: 'deny'; reason: string };

/** Decides a window.open request; always deny, with a reason for the log. */
export function decideWindowOpen(url: string): WindowOpenDecision {
  return {
    action: 'deny',
    reason: `window.open(${url.slice(0, 200)}) denied: the station opens no windows`,
  };
}
