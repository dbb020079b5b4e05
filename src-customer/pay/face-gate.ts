/** One face as the detector saw it in a frame; box in 0–1 of the frame, angles in radians. */
export interface SeenFace {
  box: readonly [x: number, y: number, w: number, h: number];
  score: number;
  /** Anti-spoofing model: 1 = a real face, 0 = a picture or a screen. */
  real: number;
  /** Liveness model: 1 = live, 0 = not. */
  live: number;
  yaw: number;
  pitch: number;
  /** Mean absolute Laplacian of the face at 64×64 grey: low = blurred. */
  sharpness: number;
}

/** What the customer is asked to do next; `ready` = take this frame. */
export type FacePrompt =
  | 'no_face'
  | 'one_person'
  | 'come_closer'
  | 'centre'
  | 'look_at_screen'
  | 'hold_still'
  | 'not_live'
  | 'ready';

/**
 * When a frame is good enough to pay with, in one place. Width is the face box's share of the
 * frame width; centre offset is from the frame's centre; real/live are the anti-spoof and
 * liveness models' scores; move is how far the box's centre went since the previous frame.
 */
export const FACE_GATE = {
  minScore: 0.6,
  minWidth: 0.22,
  maxCentreOffset: 0.14,
  maxYaw: 0.3,
  maxPitch: 0.3,
  minSharpness: 4,
  maxMove: 0.02,
  minReal: 0.5,
  minLive: 0.5,
  /** Good frames in a row before the capture: a steady face, and one lucky frame is not enough. */
  steadyFrames: 3,
} as const;

const centre = (b: SeenFace['box']) => [b[0] + b[2] / 2, b[1] + b[3] / 2] as const;

/**
 * The prompt for this frame: the first unmet condition, in the order a person fixes them
 * (be there alone, come closer, centre, face the screen, hold still, be live).
 */
export function checkFace(faces: readonly SeenFace[], previous: SeenFace | null): FacePrompt {
  const seen = faces.filter((f) => f.score >= FACE_GATE.minScore);
  if (seen.length === 0) return 'no_face';
  if (seen.length > 1) return 'one_person';
  const f = seen[0]!;
  if (f.box[2] < FACE_GATE.minWidth) return 'come_closer';
  const [cx, cy] = centre(f.box);
  if (Math.hypot(cx - 0.5, cy - 0.5) > FACE_GATE.maxCentreOffset) return 'centre';
  if (Math.abs(f.yaw) > FACE_GATE.maxYaw || Math.abs(f.pitch) > FACE_GATE.maxPitch)
    return 'look_at_screen';
  if (f.sharpness < FACE_GATE.minSharpness) return 'hold_still';
  if (previous) {
    const [px, py] = centre(previous.box);
    if (Math.hypot(cx - px, cy - py) > FACE_GATE.maxMove) return 'hold_still';
  }
  if (f.real < FACE_GATE.minReal || f.live < FACE_GATE.minLive) return 'not_live';
  return 'ready';
}
