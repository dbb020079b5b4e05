import type { Role } from '../../contract/commands';
import { roleOfPageUrl } from './app-protocol';

/** What Electron tells us about a permission request or check, reduced to what the policy needs. */
export interface PermissionQuery {
  /** Role registered for the asking webContents, or null when it is not one of our windows. */
  role: Role | null;
  permission: string;
  /** URL of the frame that asks (requestingUrl / requestingOrigin). */
  requestingUrl: string | undefined;
  /** For 'media': which kinds; the customer window needs video (face capture), never audio. */
  mediaTypes: readonly string[] | undefined;
  isMainFrame: boolean;
}

/**
 * Decides a permission: only the customer window's own page, main frame, may use the camera
 * ('media' with video only). Everything else — notifications, geolocation, HID, serial, USB,
 * clipboard, microphone, other windows — is denied; devices are read by main, not by pages.
 */
export function isPermissionAllowed(q: PermissionQuery): boolean {
  if (q.role !== 'customer' || !q.isMainFrame) return false;
  if (q.permission !== 'media') return false;
  if (!q.requestingUrl) return false;
  const pageRole = roleOfPageUrl(q.requestingUrl) ?? roleOfOrigin(q.requestingUrl);
  if (pageRole !== 'customer' && pageRole !== 'any') return false;
  const kinds = q.mediaTypes ?? [];
  // A check (not a request) may carry no media type; 'unknown' or 'audio' never passes.
  return kinds.length > 0 && kinds.every((k) => k === 'video');
}

// Permission checks report only the origin ("countersign://app"), not the page: the origin
// is ours, and the role comes from the registered webContents.
function roleOfOrigin(url: string): 'any' | null {
  const trimmed = url.endsWith('/') ? url.slice(0, -1) : url;
  return trimmed === 'countersign://app' ? 'any' : null;
}
