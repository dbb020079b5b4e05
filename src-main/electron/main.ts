import { startShell } from './shell';

// Entry of the Electron main process (bundled to out/main/electron-main.cjs by build.mjs).
// The capture hotkey does what the cashier's "Read order" button does: capture the calibrated
// region, OCR it, and put the order in review (or send it on, when it checks and autoSend is on).
startShell({
  onCapture: async (station, logger) => {
    const result = await station.readOrder();
    if (!result.ok)
      logger.warn({ error: result.error }, 'capture hotkey: the order could not be read');
  },
});
