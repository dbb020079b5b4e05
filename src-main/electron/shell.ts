import { join } from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import type { Logger } from 'pino';
import { ConfigError, defaultDataDir, loadConfig } from '../config/load-config';
import type { StationConfig } from '../config/schema';
import { createStation, type Station } from '../station/create-station';
import { createLogger, logStrayRejections } from '../station/logger';
import { setupHotkeys } from './hotkeys';
import { startSandboxUtility } from './sandbox-launcher';
import { setupIpcBridge } from './ipc-bridge';
import { registerAppScheme, setupSecurity } from './security/setup-security';
import { parseShellArgs } from './shell-args';
import { WindowRegistry } from './window-registry';
import { setupWindows } from './windows/setup-windows';

/** What the lead plugs into the shell. */
export interface ShellHooks {
  /** The capture hotkey: capture → OCR → order.submit. Without it the hotkey only logs. */
  onCapture?: (station: Station, logger: Logger) => Promise<void>;
}

// Bundled to out/main/electron-main.cjs: out/renderer and out/preload are its siblings.
const OUT_DIR = join(__dirname, '..');

function refuseToStart(title: string, message: string): void {
  process.stderr.write(`countersign: ${title}\n${message}\n`);
  dialog.showErrorBox(title, message);
  app.exit(1);
}

/**
 * Starts the desktop station: one instance only; data dir from --data-dir,
 * COUNTERSIGN_DATA_DIR or the platform's default (defaultDataDir, the CLI's too); config errors shown in a dialog and on stderr
 * before a clean exit; then station, security, IPC bridge, windows and hotkey, and a quit that
 * closes the station before the process ends.
 */
export function startShell(hooks: ShellHooks = {}): void {
  registerAppScheme();
  const args = parseShellArgs(process.argv);
  if (!app.requestSingleInstanceLock()) {
    // Another station already runs on this machine; it is told (second-instance) and focuses.
    app.quit();
    return;
  }
  void app.whenReady().then(async () => {
    if (!args.ok) return refuseToStart('Countersign: bad command line', args.error);
    // The CLI's rule, not Electron's userData (on Linux ~/.config/Countersign, not the CLI's
    // ~/.config/countersign): `countersign ledger` and the app must open the same ledger.
    const dataDir = args.value.dataDir ?? defaultDataDir();
    let config: StationConfig;
    try {
      const overrides = args.value.kiosk === null ? {} : { windows: { kiosk: args.value.kiosk } };
      config = loadConfig(dataDir, overrides);
    } catch (error) {
      const message = error instanceof ConfigError ? error.message : String(error);
      return refuseToStart('Countersign: the configuration is invalid', message);
    }
    const logger = createLogger({ dataDir });
    logStrayRejections(logger);
    let station: Station;
    try {
      station = await createStation({ dataDir, config, logger, startSandbox: startSandboxUtility });
    } catch (error) {
      logger.error({ err: error }, 'station failed to start');
      return refuseToStart(
        'Countersign could not start',
        error instanceof Error ? error.message : String(error),
      );
    }
    run(station, config, logger, args.value.devTools, hooks);
  });
}

function run(
  station: Station,
  config: StationConfig,
  logger: Logger,
  devTools: boolean,
  hooks: ShellHooks,
): void {
  const registry = new WindowRegistry();
  const warn = (message: string) => logger.warn({ area: 'electron' }, message);
  setupSecurity({ rendererDir: join(OUT_DIR, 'renderer'), registry, log: warn });
  const stopBridge = setupIpcBridge({
    station,
    registry,
    log: (level, message) => logger[level]({ area: 'ipc' }, message),
  });
  const windows = setupWindows({
    registry,
    customerDisplay: config.windows.customerDisplay,
    kiosk: config.windows.kiosk,
    preloadDir: join(OUT_DIR, 'preload'),
    devTools,
    log: warn,
  });
  const hotkey = setupHotkeys({
    accelerator: config.hotkeys.capture,
    onCapture: () =>
      hooks.onCapture
        ? hooks.onCapture(station, logger)
        : warn('capture hotkey pressed; capture is not wired yet'),
    log: warn,
  });
  if (!hotkey.ok) warn(`${hotkey.error.message}; use the Capture button`);

  app.on('second-instance', () => focus(windows.cashier));
  // The station is one unit: closing the cashier window ends it.
  windows.cashier.on('closed', () => app.quit());
  app.on('window-all-closed', () => app.quit());

  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    // Hold the quit until the station has closed its checkout and ledger cleanly.
    event.preventDefault();
    if (hotkey.ok) hotkey.value();
    windows.dispose();
    stopBridge();
    void station
      .close()
      .catch((error: unknown) => logger.error({ err: error }, 'station did not close cleanly'))
      .finally(() => {
        closed = true;
        logger.flush();
        // The customer window is not closable by the user; quitting destroys it.
        for (const win of BrowserWindow.getAllWindows()) win.destroy();
        app.quit();
      });
  });
}

function focus(win: BrowserWindow): void {
  if (win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.focus();
}
