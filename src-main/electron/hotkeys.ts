import { globalShortcut } from 'electron';
import { fail, ok, type Result } from '../contract/result';
import { createCaptureTrigger } from './capture-trigger';

export interface HotkeyOptions {
  /** config hotkeys.capture, an Electron accelerator such as 'CommandOrControl+Shift+O'. */
  accelerator: string;
  /** Starts capture → OCR; the lead wires it. One runs at a time. */
  onCapture: () => Promise<void> | void;
  log: (message: string) => void;
}

/**
 * Registers the global capture hotkey (call after app 'ready'). Returns a function that
 * unregisters it, or an error when the accelerator is invalid or another program holds it,
 * so the cashier window can say "use the Capture button" instead of failing silently.
 */
export function setupHotkeys(options: HotkeyOptions): Result<() => void> {
  const trigger = createCaptureTrigger(options.onCapture, (error) =>
    options.log(`capture failed: ${error instanceof Error ? error.message : String(error)}`),
  );
  let registered: boolean;
  try {
    registered = globalShortcut.register(options.accelerator, () => {
      void trigger.press();
    });
  } catch (error) {
    return fail(
      'invalid_input',
      `hotkeys.capture '${options.accelerator}' is not a valid accelerator: ${String(error)}`,
    );
  }
  if (!registered)
    return fail(
      'unavailable',
      `hotkeys.capture '${options.accelerator}' is already taken by another program`,
    );
  return ok(() => globalShortcut.unregister(options.accelerator));
}
