import type { Role } from '../contract/commands';
import { roleOfPageUrl } from './security/app-protocol';
import type { Result } from '../contract/result';

/**
 * Which webContents is which window. A role is registered when main creates the window, never
 * claimed by the page, so the role on an IPC call is a fact main knows, not input it trusts.
 */
export class WindowRegistry {
  private readonly roles = new Map<number, Role>();

  /** Records the role of a window main created. */
  register(webContentsId: number, role: Role): void {
    this.roles.set(webContentsId, role);
  }

  /** Forgets a closed window. */
  unregister(webContentsId: number): void {
    this.roles.delete(webContentsId);
  }

  /** The role of a webContents, or null when it is not one of our windows. */
  roleOf(webContentsId: number): Role | null {
    return this.roles.get(webContentsId) ?? null;
  }

  /** Ids of the registered windows. */
  ids(): number[] {
    return [...this.roles.keys()];
  }
}

/** What the bridge knows about an IPC sender. */
export interface SenderFacts {
  webContentsId: number;
  /** URL of the sending frame, or null when the frame is gone. */
  frameUrl: string | null;
  /** Whether the sending frame is the window's main frame (subframes never call main). */
  isMainFrame: boolean;
}

/**
 * The role an IPC call runs as, or why it is refused: the sender must be a window main
 * registered, calling from its main frame, and that frame must show the page of the same role
 * (a cashier window navigated elsewhere loses its API even if navigation guards failed).
 */
export function senderRole(registry: WindowRegistry, facts: SenderFacts): Result<Role, string> {
  const role = registry.roleOf(facts.webContentsId);
  if (!role)
    return { ok: false, error: `webContents ${facts.webContentsId} is not a station window` };
  if (!facts.isMainFrame)
    return { ok: false, error: `a subframe of the ${role} window called main` };
  if (!facts.frameUrl) return { ok: false, error: `the ${role} window's frame is gone` };
  const pageRole = roleOfPageUrl(facts.frameUrl);
  if (pageRole !== role)
    return {
      ok: false,
      error: `the ${role} window shows ${facts.frameUrl.slice(0, 200)}, not its own page`,
    };
  return { ok: true, value: role };
}
