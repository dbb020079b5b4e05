import { describe, expect, it } from 'vitest';
import { checkFace, FACE_GATE, type SeenFace } from './face-gate';

const good: SeenFace = {
  box: [0.35, 0.3, 0.3, 0.4],
  score: 0.95,
  real: 0.9,
  live: 0.95,
  yaw: 0.05,
  pitch: -0.05,
  sharpness: 12,
};
const moved = (dx: number): SeenFace => ({
  ...good,
  box: [good.box[0] + dx, good.box[1], good.box[2], good.box[3]],
});

describe('checkFace', () => {
  it('takes a centred, large, frontal, sharp, live and steady face', () => {
    expect(checkFace([good], good)).toBe('ready');
  });
  it('asks for the first thing to fix, in the order a person fixes it', () => {
    expect(checkFace([], null)).toBe('no_face');
    expect(checkFace([{ ...good, score: 0.3 }], null)).toBe('no_face');
    expect(checkFace([good, moved(0.3)], null)).toBe('one_person');
    expect(checkFace([{ ...good, box: [0.45, 0.4, 0.1, 0.15] }], null)).toBe('come_closer');
    expect(checkFace([moved(0.3)], null)).toBe('centre');
    expect(checkFace([{ ...good, yaw: 0.6 }], null)).toBe('look_at_screen');
    expect(checkFace([{ ...good, pitch: -0.5 }], null)).toBe('look_at_screen');
    expect(checkFace([{ ...good, sharpness: 1 }], null)).toBe('hold_still');
    expect(checkFace([good], moved(FACE_GATE.maxMove * 2))).toBe('hold_still');
    expect(checkFace([{ ...good, real: 0.1 }], good)).toBe('not_live');
    expect(checkFace([{ ...good, live: 0.1 }], good)).toBe('not_live');
  });
});
