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
}

const require = createRequire(import.meta.url);
const ADDON = join(
  import.meta.dirname,
  '..',
  '..',
  'native',
  'build',
  'Release',
  'countersign_capture.node',
);

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
  }>;
  backend: string;
}

/** The native addon, or null when it was not built (the build is optional). */
export function loadNativeBackend(path = ADDON): CaptureBackend | null {
  if (!existsSync(path)) return null;
  let addon: NativeAddon;
  try {
    addon = require(path) as NativeAddon;
  } catch {
    return null;
  }
  return {
    name: 'native',
    listDisplays: async () => addon.displays().map((d) => ({ ...d, scaleFactor: 1 })),
    grab: async (x, y, w, h) => ({ ...addon.capture(x, y, w, h), channels: 4 }),
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
