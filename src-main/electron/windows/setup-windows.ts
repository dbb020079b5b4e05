import { BrowserWindow, screen, type BrowserWindowConstructorOptions } from 'electron';
import type { Role } from '../../contract/commands';
import { pageUrl } from '../security/app-protocol';
import { webPreferencesFor } from '../security/web-preferences';
import type { WindowRegistry } from '../window-registry';
import { chooseCustomerDisplay, customerLayout, type CustomerLayout } from './choose-display';

/** The two station windows, and a function that stops following display changes. */
export interface ShellWindows {
  cashier: BrowserWindow;
  customer: BrowserWindow;
  dispose(): void;
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
  extra: BrowserWindowConstructorOptions,
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

function currentLayout(options: WindowOptions): CustomerLayout {
  const primary = screen.getPrimaryDisplay();
  const placement = chooseCustomerDisplay(
    screen.getAllDisplays(),
    primary.id,
    options.customerDisplay,
  ) ?? { display: primary, fullscreen: false, warning: 'no display reported' };
  if (placement.warning) options.log(placement.warning);
  return customerLayout(placement, options.kiosk);
}

function applyLayout(win: BrowserWindow, layout: CustomerLayout): void {
  if (win.isDestroyed()) return;
  // Leave full screen first: bounds cannot move a full-screen window to another display.
  win.setKiosk(false);
  win.setFullScreen(false);
  win.setBounds(layout.bounds);
  win.setClosable(layout.closable);
  win.setMinimizable(layout.closable);
  if (layout.fullscreen) win.setFullScreen(true);
  if (layout.kiosk) win.setKiosk(true);
}

/**
 * Opens the cashier window on the primary display and the customer window on the display
 * chosen by config (full screen there; a normal window beside the cashier's when there is
 * only one display), and moves the customer window when a monitor is plugged or unplugged.
 */
export function setupWindows(options: WindowOptions): ShellWindows {
  const primary = screen.getPrimaryDisplay();
  const cashier = createWindow('cashier', options, { ...primary.workArea, kiosk: options.kiosk });
  if (!options.kiosk) cashier.maximize();

  const layout = currentLayout(options);
  const customer = createWindow('customer', options, {
    ...layout.bounds,
    fullscreen: layout.fullscreen,
    frame: !layout.fullscreen,
    kiosk: layout.kiosk,
    closable: layout.closable,
    minimizable: layout.closable,
  });

  // A customer monitor that is switched off and on again must get its window back.
  const relayout = () => applyLayout(customer, currentLayout(options));
  screen.on('display-added', relayout);
  screen.on('display-removed', relayout);
  return {
    cashier,
    customer,
    dispose() {
      screen.off('display-added', relayout);
      screen.off('display-removed', relayout);
    },
  };
}
