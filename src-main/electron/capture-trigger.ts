/**
 * Wraps the capture callback so a held or repeated hotkey starts one capture at a time:
 * presses while a capture runs are dropped (counted), and a failing capture is reported,
 * never thrown into Electron's shortcut dispatcher.
 */
export function createCaptureTrigger(
  onCapture: () => Promise<void> | void,
  onError: (error: unknown) => void,
): { press(): Promise<'started' | 'busy'>; dropped(): number } {
  let running = false;
  let dropped = 0;
  return {
    async press() {
      if (running) {
        dropped += 1;
        return 'busy';
      }
      running = true;
      try {
        await onCapture();
      } catch (error) {
        onError(error);
      } finally {
        running = false;
      }
      return 'started';
    },
    dropped: () => dropped,
  };
}
