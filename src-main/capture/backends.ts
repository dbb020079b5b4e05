import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import sharp from 'sharp';
import type { DisplayInfo } from './region';

/** Raw pixels of a grab: RGBA (4 channels) or RGB (3). */
export interface RawFrame {
  width: number;
  height: number;
  channels: 3 | 4;
  data: Buffer;
}

/** One way of grabbing the screen. Coordinates are virtual-desktop physical pixels. */
export interface CaptureBackend {
  name: 'native' | 'node-screenshots' | 'screenshot-desktop';
  listDisplays(): Promise<DisplayInfo[]>;
  grab(x: number, y: number, width: number, height: number): Promise<RawFrame>;
  /** Windows only: the top-level window at a point; `desktop` when no program window is there. */
  windowAt?(x: number, y: number): Promise<{ title: string; desktop: boolean }>;
}

const require = createRequire(import.meta.url);
const BUILD = join(import.meta.dirname, '..', '..', 'native', 'build');
// node-gyp's build for this OS, then the mingw cross-build for Windows (native/build-windows.mjs).
const ADDONS = [
  join(BUILD, 'Release', 'countersign_capture.node'),
  join(BUILD, `${process.platform}-${process.arch}`, 'countersign_capture.node'),
];

interface NativeAddon {
  capture(
    x: number,
    y: number,
    w: number,
    h: number,
  ): { width: number; height: number; data: Buffer };
  displays(): Array<{
    index: number;
    x: number;
    y: number;
    width: number;
    height: number;
    primary: boolean;
    scaleFactor?: number;
  }>;
  backend: string;
  windowAt?(x: number, y: number): { title: string; className: string; desktop: boolean };
}

/** The first native addon that loads here, or null when none was built (the build is optional). */
export function loadNativeBackend(paths: string | string[] = ADDONS): CaptureBackend | null {
  let addon: NativeAddon | null = null;
  for (const path of typeof paths === 'string' ? [paths] : paths) {
    if (!existsSync(path)) continue;
    try {
      addon = require(path) as NativeAddon;
      break;
    } catch {
      // Built for another OS (a Linux build on Windows) or another Node-API: try the next.
    }
  }
  if (!addon) return null;
  const native = addon;
  return {
    name: 'native',
    // Only the Windows back-end knows the scale; the others report none.
    listDisplays: async () => native.displays().map((d) => ({ scaleFactor: 1, ...d })),
    grab: async (x, y, w, h) => ({ ...native.capture(x, y, w, h), channels: 4 }),
    ...(native.windowAt && { windowAt: async (x: number, y: number) => native.windowAt!(x, y) }),
  };
}

interface NsImage {
  width: number;
  height: number;
  crop(x: number, y: number, w: number, h: number): Promise<NsImage>;
  toRaw(copy?: boolean): Promise<Buffer>;
}
interface NsMonitor {
  x(): number;
  y(): number;
  width(): number;
  height(): number;
  isPrimary(): boolean;
  scaleFactor(): number;
  captureImage(): Promise<NsImage>;
}

/** node-screenshots (NAPI-RS, in process): grabs a whole monitor, then crops. */
export function loadNodeScreenshotsBackend(): CaptureBackend | null {
  let Monitor: { all(): NsMonitor[] };
  try {
    Monitor = (require('node-screenshots') as { Monitor: typeof Monitor }).Monitor;
  } catch {
    return null;
  }
  const monitors = () => Monitor.all();
  return {
    name: 'node-screenshots',
    listDisplays: async () =>
      monitors().map((m, index) => ({
        index,
        x: m.x(),
        y: m.y(),
        width: m.width(),
        height: m.height(),
        primary: m.isPrimary(),
        scaleFactor: m.scaleFactor(),
      })),
    async grab(x, y, w, h) {
      const m = monitors().find(
        (d) => x >= d.x() && y >= d.y() && x < d.x() + d.width() && y < d.y() + d.height(),
      );
      if (!m) throw new Error('the region is on no display');
      const image = await (await m.captureImage()).crop(x - m.x(), y - m.y(), w, h);
      return { width: image.width, height: image.height, channels: 4, data: await image.toRaw() };
    },
  };
}

interface SdDisplay {
  id: string;
  width: number;
  height: number;
  offsetX?: number;
  offsetY?: number;
  primary?: boolean;
}
type ScreenshotFn = ((o: { screen?: string; format: string }) => Promise<Buffer>) & {
  listDisplays(): Promise<SdDisplay[]>;
};

/** screenshot-desktop: spawns the OS tool (ImageMagick `import` + xrandr on Linux), then crops. */
export function loadScreenshotDesktopBackend(): CaptureBackend | null {
  let shot: ScreenshotFn;
  try {
    shot = require('screenshot-desktop') as ScreenshotFn;
  } catch {
    return null;
  }
  const displays = async () =>
    (await shot.listDisplays()).map((d, index) => ({
      id: d.id,
      index,
      x: d.offsetX ?? 0,
      y: d.offsetY ?? 0,
      width: d.width,
      height: d.height,
      primary: !!d.primary,
      scaleFactor: 1,
    }));
  return {
    name: 'screenshot-desktop',
    listDisplays: async () => (await displays()).map(({ id: _id, ...d }) => d),
    async grab(x, y, w, h) {
      const all = await displays();
      const d = all.find((s) => x >= s.x && y >= s.y && x < s.x + s.width && y < s.y + s.height);
      if (!d) throw new Error('the region is on no display');
      const png = await shot({ screen: d.id, format: 'png' });
      const { data, info } = await sharp(png)
        .extract({ left: x - d.x, top: y - d.y, width: w, height: h })
        .removeAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      return { width: info.width, height: info.height, channels: 3, data };
    },
  };
}
