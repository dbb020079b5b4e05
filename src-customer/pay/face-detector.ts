import type { Human } from '@vladmandic/human';
import type { SeenFace } from './face-gate';

/** What one look at the camera found: the faces for the gate, and each one's descriptor. */
export interface FaceLook {
  faces: SeenFace[];
  descriptors: (number[] | null)[];
}

let loading: Promise<Human> | null = null;

/**
 * `@vladmandic/human` in this window, loaded once and only when face payment is chosen (the
 * library is ~3 MB). Models and the tfjs WASM binaries come from the station's own origin
 * (`/customer/face/…`, served from the npm packages), never from a network; WASM because a
 * display may have no GPU and headless Chromium has no WebGL.
 */
export function loadFaceDetector(): Promise<Human> {
  loading ??= (async () => {
    const { Human } = await import('@vladmandic/human');
    const base = new URL('face/', document.baseURI).href;
    const human = new Human({
      backend: 'wasm',
      wasmPath: `${base}wasm/`,
      modelBasePath: `${base}models/`,
      debug: false,
      cacheSensitivity: 0,
      filter: { enabled: false },
      face: {
        enabled: true,
        detector: { rotation: false, maxDetected: 3, minConfidence: 0.4, return: false },
        mesh: { enabled: true },
        iris: { enabled: false },
        description: { enabled: true },
        emotion: { enabled: false },
        antispoof: { enabled: true },
        liveness: { enabled: true },
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
  loading.catch(() => (loading = null));
  return loading;
}

const SIDE = 64;
let scratch: CanvasRenderingContext2D | null = null;

/** Mean absolute Laplacian of the face box at 64×64 grey: a blurred or moving face scores low. */
function sharpness(video: HTMLVideoElement, box: readonly number[]): number {
  scratch ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!scratch) return 0;
  scratch.canvas.width = SIDE;
  scratch.canvas.height = SIDE;
  scratch.drawImage(video, box[0]!, box[1]!, box[2]!, box[3]!, 0, 0, SIDE, SIDE);
  const px = scratch.getImageData(0, 0, SIDE, SIDE).data;
  const grey = (x: number, y: number) => {
    const i = (y * SIDE + x) * 4;
    return 0.299 * px[i]! + 0.587 * px[i + 1]! + 0.114 * px[i + 2]!;
  };
  let sum = 0;
  for (let y = 1; y < SIDE - 1; y++)
    for (let x = 1; x < SIDE - 1; x++)
      sum += Math.abs(
        4 * grey(x, y) - grey(x - 1, y) - grey(x + 1, y) - grey(x, y - 1) - grey(x, y + 1),
      );
  return sum / (SIDE - 2) ** 2;
}

/** Looks at the current video frame once. */
export async function lookAtCamera(human: Human, video: HTMLVideoElement): Promise<FaceLook> {
  const result = await human.detect(video);
  const w = video.videoWidth || 1;
  const h = video.videoHeight || 1;
  const faces = result.face.map((f) => ({
    box: [f.box[0] / w, f.box[1] / h, f.box[2] / w, f.box[3] / h] as const,
    score: f.score,
    real: f.real ?? 0,
    live: f.live ?? 0,
    yaw: f.rotation?.angle.yaw ?? 0,
    pitch: f.rotation?.angle.pitch ?? 0,
    sharpness: sharpness(video, f.box),
  }));
  const descriptors = result.face.map((f) =>
    f.embedding && f.embedding.length > 0 ? Array.from(f.embedding) : null,
  );
  return { faces, descriptors };
}
