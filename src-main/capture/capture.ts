import sharp from 'sharp';
import {
  loadNativeBackend,
  loadNodeScreenshotsBackend,
  loadScreenshotDesktopBackend,
  type CaptureBackend,
  type RawFrame,
} from './backends';
import {
  captureRegionSchema,
  type CaptureRegion,
  type CaptureResult,
  type DisplayInfo,
} from './region';

/** Which back-end to use; 'auto' = native addon, else node-screenshots, else screenshot-desktop. */
export type BackendChoice = 'auto' | CaptureBackend['name'];

const cached: Map<BackendChoice, CaptureBackend | null> = new Map();

/** The back-end for a choice, or null when it is not available on this machine. */
export function pickBackend(choice: BackendChoice = 'auto'): CaptureBackend | null {
  if (cached.has(choice)) return cached.get(choice) ?? null;
  const backend =
    choice === 'native'
      ? loadNativeBackend()
      : choice === 'node-screenshots'
        ? loadNodeScreenshotsBackend()
        : choice === 'screenshot-desktop'
          ? loadScreenshotDesktopBackend()
          : (loadNativeBackend() ?? loadNodeScreenshotsBackend() ?? loadScreenshotDesktopBackend());
  cached.set(choice, backend);
  return backend;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Encodes a raw frame as PNG (fast compression: it is read again at once). */
export function frameToPng(frame: RawFrame): Promise<Buffer> {
  return sharp(frame.data, {
    raw: { width: frame.width, height: frame.height, channels: frame.channels },
  })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

/** The displays, in physical pixels on the virtual desktop. */
export async function listDisplays(
  choice: BackendChoice = 'auto',
): Promise<CaptureResult<DisplayInfo[]>> {
  const backend = pickBackend(choice);
  if (!backend) return { ok: false, error: `no screen capture back-end is available (${choice})` };
  try {
    return { ok: true, value: await backend.listDisplays() };
  } catch (e) {
    return { ok: false, error: `cannot list displays: ${message(e)}` };
  }
}

/**
 * Grabs a region of a display as raw pixels. The region is validated and must lie wholly on
 * the display: an off-screen or empty region is an error result, never a crash. With
 * `needsWindow`, a region that shows the bare Windows desktop is an error too (Windows only).
 */
export async function captureRegionRaw(
  input: unknown,
  choice: BackendChoice = 'auto',
  needsWindow = true,
): Promise<CaptureResult<RawFrame>> {
  const parsed = captureRegionSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      error: `invalid region: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    };
  }
  const r = parsed.data;
  const displays = await listDisplays(choice);
  if (!displays.ok) return displays;
  const d = displays.value[r.display];
  if (!d)
    return {
      ok: false,
      error: `display ${r.display} does not exist (${displays.value.length} found)`,
    };
  if (r.x + r.width > d.width || r.y + r.height > d.height) {
    return {
      ok: false,
      error: `the region ${r.x},${r.y} ${r.width}×${r.height} lies outside display ${r.display} (${d.width}×${d.height})`,
    };
  }
  const backend = pickBackend(choice)!;
  try {
    // Windows: a region showing the bare desktop means the POS window is minimised or moved.
    const seen = needsWindow
      ? await backend
          .windowAt?.(d.x + r.x + (r.width >> 1), d.y + r.y + (r.height >> 1))
          .catch(() => null)
      : null;
    if (seen?.desktop) {
      return {
        ok: false,
        error:
          'the region shows the Windows desktop, not a program: is the POS window minimised or moved? Restore it, or calibrate the region again',
      };
    }
    return { ok: true, value: await backend.grab(d.x + r.x, d.y + r.y, r.width, r.height) };
  } catch (e) {
    return { ok: false, error: `capture failed: ${message(e)}` };
  }
}

/** Grabs a region of a display as PNG: what the order reader and `countersign capture` use. */
export async function captureRegion(
  input: CaptureRegion | unknown,
  choice: BackendChoice = 'auto',
  needsWindow = true,
): Promise<CaptureResult<Buffer>> {
  const raw = await captureRegionRaw(input, choice, needsWindow);
  return raw.ok ? { ok: true, value: await frameToPng(raw.value) } : raw;
}

/** The whole display as PNG, for the calibration screen's frozen image. */
export async function captureDisplay(
  display = 0,
  choice: BackendChoice = 'auto',
): Promise<CaptureResult<Buffer>> {
  const displays = await listDisplays(choice);
  if (!displays.ok) return displays;
  const d = displays.value[display];
  if (!d)
    return {
      ok: false,
      error: `display ${display} does not exist (${displays.value.length} found)`,
    };
  // Calibration wants the whole screen as it is, desktop or not.
  return captureRegion({ display, x: 0, y: 0, width: d.width, height: d.height }, choice, false);
}
