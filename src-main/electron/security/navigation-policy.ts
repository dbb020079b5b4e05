import { roleOfPageUrl } from './app-protocol';

/**
 * Whether a window may navigate to `url`. Only our own two pages are allowed; everything else
 * (http, https, file, javascript:, data:, other app paths) is denied, so a compromised or
 * confused page cannot load foreign content with the preload's API attached.
 */
export function isAllowedNavigation(url: string): boolean {
  return roleOfPageUrl(url) !== null;
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
