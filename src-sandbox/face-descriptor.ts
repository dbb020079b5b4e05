import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sharp, { type OutputInfo } from 'sharp';
import type { Human } from '@vladmandic/human';
import type * as HumanModule from '@vladmandic/human';

const require = createRequire(import.meta.url);
// The package's "exports" lists the WASM build without "./", so Node cannot resolve it by name.
const humanDir = dirname(require.resolve('@vladmandic/human'));
const wasmDir = dirname(
  require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'),
);

/** What describing one picture found: the descriptor of its one face, or why there is none. */
export type FaceDescription =
  | { ok: true; descriptor: number[]; score: number }
  | { ok: false; reason: 'no_face' | 'several_faces' | 'unreadable_image'; message: string };

let loading: Promise<Human> | null = null;

/**
 * Human on the WASM backend (tfjs-node's install downloads a native library, which fails
 * offline), models read from the package on disk: Node's fetch has no file: scheme, so those
 * URLs are read here and everything else goes to the real fetch.
 */
function loadHuman(): Promise<Human> {
  loading ??= (async () => {
    const netFetch = globalThis.fetch;
    globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (!url.startsWith('file:')) return netFetch(input, init);
      return new Response(await readFile(fileURLToPath(url)));
    }) as typeof fetch;
    const { Human } = require(join(humanDir, 'human.node-wasm.js')) as typeof HumanModule;
    const human = new Human({
      backend: 'wasm',
      wasmPath: `${wasmDir}/`,
      modelBasePath: pathToFileURL(join(humanDir, '..', 'models')).href + '/',
      debug: false,
      face: {
        enabled: true,
        detector: { rotation: false, maxDetected: 3, minConfidence: 0.5 },
        mesh: { enabled: true },
        iris: { enabled: false },
        description: { enabled: true },
        emotion: { enabled: false },
        antispoof: { enabled: false },
        liveness: { enabled: false },
      },
      body: { enabled: false },
      hand: { enabled: false },
      object: { enabled: false },
      gesture: { enabled: false },
      segmentation: { enabled: false },
    });
    await human.load();
    return human;
  })();
  return loading;
}

/** The face descriptor of the one face in an image (JPEG, PNG, WebP), computed in this process. */
export async function describeFaceImage(bytes: Uint8Array): Promise<FaceDescription> {
  let pixels: { data: Buffer; info: OutputInfo };
  try {
    pixels = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  } catch (error) {
    return { ok: false, reason: 'unreadable_image', message: (error as Error).message };
  }
  const human = await loadHuman();
  const { width, height } = pixels.info;
  const tensor = human.tf.tensor3d(new Uint8Array(pixels.data), [height, width, 3], 'int32');
  const result = await human.detect(tensor as never);
  human.tf.dispose(tensor);
  const faces = result.face.filter((f) => (f.embedding?.length ?? 0) > 0);
  if (faces.length === 0) return { ok: false, reason: 'no_face', message: 'no face in the image' };
  if (faces.length > 1)
    return { ok: false, reason: 'several_faces', message: `${faces.length} faces in the image` };
  return { ok: true, descriptor: Array.from(faces[0]!.embedding!), score: faces[0]!.score };
}
