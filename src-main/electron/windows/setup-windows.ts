import { BrowserWindow, screen } from 'electron';
import type { Role } from '../../contract/commands';
import { pageUrl } from '../security/app-protocol';
import { webPreferencesFor } from '../security/web-preferences';
import type { WindowRegistry } from '../window-registry';
import { chooseCustomerDisplay, sideBySideBounds } from './choose-display';

/** The two station windows. */
export interface ShellWindows {
  cashier: BrowserWindow;
  customer: BrowserWindow;
}

export interface WindowOptions {
  registry: WindowRegistry;
  /** config windows.customerDisplay. */
  customerDisplay: 'auto' | number;
  /** config windows.kiosk or --kiosk: no frame, no menu, cannot be left without quitting. */
  kiosk: boolean;
  /** out/preload. */
  preloadDir: string;
  devTools: boolean;
  log: (message: string) => void;
}

function createWindow(
  role: Role,
  options: WindowOptions,
  extra: Electron.BrowserWindowConstructorOptions,
): BrowserWindow {
  const win = new BrowserWindow({
    show: false,
    title: role === 'cashier' ? 'Countersign' : 'Countersign — customer',
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    ...extra,
    webPreferences: webPreferencesFor(role, {
      preloadDir: options.preloadDir,
      devTools: options.devTools,
    }),
  });
  win.removeMenu();
  // Registered before the page loads, so the page's first call already has its role.
  const id = win.webContents.id;
  options.registry.register(id, role);
  win.on('closed', () => options.registry.unregister(id));
  win.once('ready-to-show', () => win.show());
  win.webContents.on('did-fail-load', (_e, code, description, url) =>
    options.log(`${role} page failed to load (${code} ${description}): ${url}`),
  );
  void win.loadURL(pageUrl(role));
  return win;
}

/**
 * Opens the cashier window on the primary display and the customer window on the display
 * chosen by config (full screen there; a normal window beside the cashier's when there is
 * only one display).
 */
export function setupWindows(options: WindowOptions): ShellWindows {
  const primary = screen.getPrimaryDisplay();
  const cashier = createWindow('cashier', options, {
    ...primary.workArea,
    kiosk: options.kiosk,
  });
  if (!options.kiosk) cashier.maximize();

  const placement = chooseCustomerDisplay(
    screen.getAllDisplays(),
    primary.id,
    options.customerDisplay,
  );
  if (placement?.warning) options.log(placement.warning);
  const display = placement?.display ?? primary;
  const customer = createWindow('customer', options, {
    ...(placement?.fullscreen ? display.bounds : sideBySideBounds(display)),
    fullscreen: placement?.fullscreen ?? false,
    frame: !placement?.fullscreen,
    kiosk: options.kiosk && (placement?.fullscreen ?? false),
    // The customer must not be able to close or move their screen away.
    closable: !placement?.fullscreen,
    minimizable: !placement?.fullscreen,
  });
  return { cashier, customer };
}
