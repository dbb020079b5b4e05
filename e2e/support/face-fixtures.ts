import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp from 'sharp';

const require = createRequire(import.meta.url);
const assets = join(dirname(require.resolve('@vladmandic/human')), '..', 'assets');
/** A grid of face crops; the whole first row is one man in six different photos. */
const MATCH_SHEET = join(assets, 'screenshot-facematch.jpg');
/** The library's author in front of a webcam: a different person. */
const FACEID_SHOT = join(assets, 'screenshot-faceid.jpg');

const W = 640;
const H = 480;

/** The faces the tests use, cut out of the package's sample pictures. */
const CROPS = {
  /** Person A, photo 1: enrolled. */
  a1: { file: MATCH_SHEET, left: 110, top: 290, width: 98, height: 98 },
  /** Person A, photo 2: what the camera sees when A pays. */
  a2: { file: MATCH_SHEET, left: 323, top: 290, width: 98, height: 98 },
  /** Person B: never enrolled. */
  b: { file: FACEID_SHOT, left: 14, top: 144, width: 138, height: 138 },
} as const;
export type FaceName = keyof typeof CROPS;

/** One face as a PNG of `size` pixels. */
export function faceImage(name: FaceName, size = 240): Promise<Buffer> {
  const { file, ...crop } = CROPS[name];
  return sharp(file).extract(crop).resize(size, size).png().toBuffer();
}

/** A 640×480 RGB frame: a plain wall with the given pictures placed on it. */
async function frame(parts: { image: Buffer; left: number; top: number }[]): Promise<Buffer> {
  return sharp({ create: { width: W, height: H, channels: 3, background: '#8a8f94' } })
    .composite(parts.map((p) => ({ input: p.image, left: p.left, top: p.top })))
    .removeAlpha()
    .raw()
    .toBuffer();
}

/** RGB → one Y4M (4:2:0) frame; Chromium's fake camera loops it. */
function y4m(rgb: Buffer): Buffer {
  const y = Buffer.alloc(W * H);
  const u = Buffer.alloc((W / 2) * (H / 2));
  const v = Buffer.alloc((W / 2) * (H / 2));
  for (let j = 0; j < H; j++)
    for (let i = 0; i < W; i++) {
      const k = (j * W + i) * 3;
      const [r, g, b] = [rgb[k]!, rgb[k + 1]!, rgb[k + 2]!];
      y[j * W + i] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
      if (j % 2 === 0 && i % 2 === 0) {
        const c = (j / 2) * (W / 2) + i / 2;
        u[c] = Math.max(0, Math.min(255, Math.round(128 - 0.1687 * r - 0.3313 * g + 0.5 * b)));
        v[c] = Math.max(0, Math.min(255, Math.round(128 + 0.5 * r - 0.4187 * g - 0.0813 * b)));
      }
    }
  const head = Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\nFRAME\n`);
  return Buffer.concat([head, y, u, v]);
}

/**
 * A printed photo held up: the face printed small (detail lost), a halftone screen of dots, a
 * washed-out ink range, the white sheet's edges and a tilt.
 */
async function printedPhoto(name: FaceName): Promise<Buffer> {
  const size = 220;
  const { data } = await sharp(await faceImage(name, 70))
    .resize(size, size)
    .modulate({ saturation: 0.7 })
    .linear(0.75, 40)
    .raw()
    .toBuffer({ resolveWithObject: true });
  // A 4-pixel halftone screen: ink is laid down in dots, paper shows between them.
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++)
      if ((x % 4 === 0 || y % 4 === 0) && (x + y) % 2 === 0)
        for (let c = 0; c < 3; c++) {
          const i = (y * size + x) * 3 + c;
          data[i] = Math.min(255, data[i]! + 45);
        }
  const face = await sharp(data, { raw: { width: size, height: size, channels: 3 } })
    .png()
    .toBuffer();
  return sharp({ create: { width: 270, height: 310, channels: 3, background: '#f4f2ee' } })
    .composite([{ input: face, left: 25, top: 25 }])
    .rotate(5, { background: '#8a8f94' })
    .png()
    .toBuffer();
}

/**
 * A black-and-white print of a face on a white sheet held flat to the camera: ink on paper
 * reaches neither black nor white (grey levels 40–218), a margin of paper around it.
 */
async function greyPrint(name: FaceName): Promise<Buffer> {
  const face = await sharp(await faceImage(name, 240))
    .greyscale()
    .linear(0.7, 40)
    .png()
    .toBuffer();
  return sharp({ create: { width: 300, height: 340, channels: 3, background: '#f4f2ee' } })
    .composite([{ input: face, left: 30, top: 30 }])
    .png()
    .toBuffer();
}

/** The fake-camera scenes, written as Y4M files under `dir`; returns name → path. */
export async function writeFaceScenes(dir: string): Promise<Record<string, string>> {
  mkdirSync(dir, { recursive: true });
  const big = (n: FaceName) => faceImage(n, 260);
  const scenes: Record<string, Buffer> = {
    a: await frame([{ image: await big('a2'), left: 190, top: 110 }]),
    b: await frame([{ image: await big('b'), left: 190, top: 110 }]),
    none: await frame([]),
    two: await frame([
      { image: await faceImage('a2', 230), left: 60, top: 125 },
      { image: await faceImage('b', 230), left: 350, top: 125 },
    ]),
    printed: await frame([{ image: await printedPhoto('a2'), left: 180, top: 80 }]),
    greyPrint: await frame([{ image: await greyPrint('a2'), left: 170, top: 70 }]),
  };
  const paths: Record<string, string> = {};
  for (const [name, rgb] of Object.entries(scenes)) {
    paths[name] = join(dir, `${name}.y4m`);
    writeFileSync(paths[name], y4m(rgb));
  }
  return paths;
}
