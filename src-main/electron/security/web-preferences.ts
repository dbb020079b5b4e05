import { join } from 'node:path';
import type { WebPreferences } from 'electron';
import type { Role } from '../../contract/commands';

/**
 * The webPreferences of a role's window. Every switch that matters is spelled out rather than
 * left to Electron's defaults, so an upgrade that changes a default cannot weaken a window.
 * `preloadDir` is out/preload (the bundled, sandbox-safe preloads); devTools only on request.
 */
export function webPreferencesFor(
  role: Role,
  options: { preloadDir: string; devTools?: boolean },
): WebPreferences {
  return {
    preload: join(options.preloadDir, `${role}.cjs`),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    experimentalFeatures: false,
    spellcheck: false,
    safeDialogs: true,
    // The customer display must keep its idle timer and camera running while unfocused.
    backgroundThrottling: role !== 'customer',
    devTools: options.devTools ?? false,
  };
}
