import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { commandsFor, type Role } from '../../contract/commands';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../ipc-channels';
import { createPreloadApi } from './allow-list';

/**
 * Exposes `window.countersign` (PreloadApi) for a role, with only that role's commands. Runs in
 * the sandboxed preload, so it is bundled to one CJS file whose only require is 'electron'.
 */
export function exposeStationApi(role: Role): void {
  const api = createPreloadApi(role, commandsFor(role), {
    invoke: (command, input) => ipcRenderer.invoke(INVOKE_CHANNEL, command, input),
    subscribe(listener) {
      const handler = (_event: IpcRendererEvent, message: unknown) => {
        if (!message || typeof message !== 'object') return;
        const { name, payload } = message as { name?: unknown; payload?: unknown };
        if (typeof name === 'string') listener(name, payload);
      };
      ipcRenderer.on(EVENT_CHANNEL, handler);
      return () => {
        ipcRenderer.removeListener(EVENT_CHANNEL, handler);
      };
    },
  });
  contextBridge.exposeInMainWorld('countersign', api);
}
