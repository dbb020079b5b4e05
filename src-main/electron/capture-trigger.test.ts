import { describe, expect, it } from 'vitest';
import { createCaptureTrigger } from './capture-trigger';

describe('createCaptureTrigger', () => {
  it('runs one capture at a time and drops presses meanwhile', async () => {
    let release: () => void = () => undefined;
    let runs = 0;
    const trigger = createCaptureTrigger(
      () =>
        new Promise<void>((resolve) => {
          runs += 1;
          release = resolve;
        }),
      () => undefined,
    );
    const first = trigger.press();
    expect(await trigger.press()).toBe('busy');
    expect(await trigger.press()).toBe('busy');
    release();
    expect(await first).toBe('started');
    expect(trigger.dropped()).toBe(2);
    const again = trigger.press();
    release();
    expect(await again).toBe('started');
    expect(runs).toBe(2);
  });

  it('reports a failing capture and accepts the next press', async () => {
    const errors: unknown[] = [];
    let fails = true;
    const trigger = createCaptureTrigger(
      () => {
        if (fails) throw new Error('no POS window');
      },
      (e) => errors.push(e),
    );
    expect(await trigger.press()).toBe('started');
    expect(String(errors[0])).toContain('no POS window');
    fails = false;
    expect(await trigger.press()).toBe('started');
    expect(errors).toHaveLength(1);
  });
});
