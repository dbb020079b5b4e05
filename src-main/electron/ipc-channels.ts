/** The one channel windows call main on (ipcRenderer.invoke → ipcMain.handle). */
export const INVOKE_CHANNEL = 'countersign:invoke';
/** The channel main pushes station events on, as { name, payload }. */
export const EVENT_CHANNEL = 'countersign:event';
