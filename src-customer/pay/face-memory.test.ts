import { describe, expect, it } from 'vitest';
import {
  descriptorForPhoneCheck,
  dropDescriptor,
  holdDescriptor,
  noteFaceOutcome,
} from './face-memory';

const d = [0.1, 0.2];
const failed = (reason: string) =>
  ({
    phase: 'failed',
    payment: { attemptId: 'P1', step: 'done', platform: null, outcome: 'failed', reason },
  }) as const;

describe('face memory', () => {
  it('offers the held descriptor only after a face_confirm_phone failure, while fresh', () => {
    holdDescriptor(d, 1_000);
    expect(descriptorForPhoneCheck(2_000)).toBeNull();
    noteFaceOutcome(failed('face_confirm_phone'));
    expect(descriptorForPhoneCheck(2_000)).toEqual(d);
    expect(descriptorForPhoneCheck(200_000)).toBeNull();
  });
  it('forgets it once the checkout moves on or another failure comes', () => {
    holdDescriptor(d, 1_000);
    noteFaceOutcome(failed('face_not_recognised'));
    expect(descriptorForPhoneCheck(2_000)).toBeNull();
    noteFaceOutcome({ phase: 'paid', payment: null });
    holdDescriptor(d, 1_000);
    noteFaceOutcome(failed('face_confirm_phone'));
    dropDescriptor();
    expect(descriptorForPhoneCheck(2_000)).toBeNull();
  });
});
