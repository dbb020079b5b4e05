import { describe, expect, it, vi } from 'vitest';
import { attachWedge } from './attach-wedge';

describe('attachWedge on a busy page', () => {
  it('keeps every character when the main thread was blocked mid-burst and the pause timer ran late', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const clock = { now: 1000 };
    const nowSpy = vi.spyOn(performance, 'now').mockImplementation(() => clock.now);
    try {
      const target = new EventTarget();
      const scans: string[] = [];
      const detach = attachWedge(target, (v) => scans.push(v));
      const key = (ch: string, at: number) => {
        const e = new Event('keydown');
        Object.assign(e, { key: ch, code: `Digit${ch}` });
        Object.defineProperty(e, 'timeStamp', { value: at });
        target.dispatchEvent(e);
      };
      // An 18-digit WeChat Pay code at 8 ms a character.
      const code = '134567890123456789';
      const at = (i: number) => 1000 + i * 8;
      for (let i = 0; i < 3; i++) {
        clock.now = at(i);
        key(code[i]!, at(i));
      }
      // The page is blocked for 300 ms: the timer set after the third key runs late, before the
      // keys the scanner sent meanwhile are handled (they keep their own timestamps).
      clock.now = 1316;
      vi.runOnlyPendingTimers();
      for (let i = 3; i < code.length; i++) key(code[i]!, at(i));
      clock.now = 1316 + 105; // the pause timer of the last key, on time
      vi.runOnlyPendingTimers();
      expect(scans).toEqual([code]);
      detach();
    } finally {
      nowSpy.mockRestore();
      vi.useRealTimers();
    }
  });
});
