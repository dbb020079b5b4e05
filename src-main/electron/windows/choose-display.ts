/** The part of an Electron Display the choice needs (kept structural so tests need no Electron). */
export interface DisplayInfo {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

/** Where the customer window goes and how. */
export interface CustomerPlacement {
  display: DisplayInfo;
  /** Full screen only on a display of its own; on the primary it is a normal window. */
  fullscreen: boolean;
  /** Why the configured choice was not honoured, for the log; null when it was. */
  warning: string | null;
}

/**
 * Chooses the customer display. `setting` is config windows.customerDisplay: 'auto' = the
 * first non-primary display (in the order Electron lists them), or an index into that list.
 * An index that is missing or names the primary falls back to 'auto'; with a single display
 * the customer window opens as a normal window on the primary, so a one-monitor test station
 * still shows both pages. Returns null only when Electron reports no display at all.
 */
export function chooseCustomerDisplay(
  displays: readonly DisplayInfo[],
  primaryId: number,
  setting: 'auto' | number,
): CustomerPlacement | null {
  const primary = displays.find((d) => d.id === primaryId) ?? displays[0];
  if (!primary) return null;
  const secondary = displays.filter((d) => d.id !== primary.id);
  let warning: string | null = null;
  if (typeof setting === 'number') {
    const chosen = displays[setting];
    if (chosen && chosen.id !== primary.id)
      return { display: chosen, fullscreen: true, warning: null };
    warning = chosen
      ? `windows.customerDisplay ${setting} is the primary display (the cashier's); using another`
      : `windows.customerDisplay ${setting} does not exist (${displays.length} display(s)); using another`;
  }
  const first = secondary[0];
  if (first) return { display: first, fullscreen: true, warning };
  return {
    display: primary,
    fullscreen: false,
    warning: warning ?? 'only one display: the customer window opens on the primary display',
  };
}

/** Bounds for a windowed customer window on the primary: the right half, so both stay visible. */
export function sideBySideBounds(display: DisplayInfo): DisplayInfo['bounds'] {
  const { x, y, width, height } = display.bounds;
  const half = Math.floor(width / 2);
  return { x: x + half, y, width: width - half, height };
}

/** How the customer window is laid out for a placement. */
export interface CustomerLayout {
  bounds: DisplayInfo['bounds'];
  fullscreen: boolean;
  kiosk: boolean;
  /** The customer cannot close or minimise their own screen; a test window beside the cashier's can. */
  closable: boolean;
}

/** The customer window's layout: full screen on its own display, else the primary's right half. */
export function customerLayout(placement: CustomerPlacement, kiosk: boolean): CustomerLayout {
  if (placement.fullscreen)
    return { bounds: { ...placement.display.bounds }, fullscreen: true, kiosk, closable: false };
  return {
    bounds: sideBySideBounds(placement.display),
    fullscreen: false,
    kiosk: false,
    closable: true,
  };
}
