import { ipcMain, webContents, type IpcMainInvokeEvent } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './ipc-channels';
import { dispatchFromSender, type BridgeLog } from './ipc-dispatch';
import type { StationPort } from './station-port';
import type { SenderFacts, WindowRegistry } from './window-registry';

// The only main-side file with raw ipcMain (eslint enforces it): every call goes through
// dispatchFromSender, which checks the sender and never throws across IPC.

function senderFacts(event: IpcMainInvokeEvent): SenderFacts {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    frameUrl: frame ? frame.url : null,
    isMainFrame: frame !== null && frame.parent === null,
  };
}

/**
 * Connects the windows to the station: handles 'countersign:invoke' and pushes every station
 * event to every registered window on 'countersign:event'. Returns a function that undoes it.
 */
export function setupIpcBridge(options: {
  station: StationPort;
  registry: WindowRegistry;
  log: BridgeLog;
}): () => void {
  const { station, registry, log } = options;
  const dispatch = station.dispatch.bind(station);
  ipcMain.handle(INVOKE_CHANNEL, (event, command: unknown, input: unknown) =>
    dispatchFromSender(registry, senderFacts(event), command, input, dispatch, log),
  );
  const unsubscribe = station.subscribe((name, payload) => {
    for (const id of registry.ids()) {
      const contents = webContents.fromId(id);
      if (!contents || contents.isDestroyed()) continue;
      try {
        contents.send(EVENT_CHANNEL, { name, payload });
      } catch (error) {
        // A payload that cannot be cloned must not stop the other window's update.
        log('error', `event ${name} not delivered to window ${id}: ${String(error)}`);
      }
    }
  });
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    unsubscribe();
  };
}
