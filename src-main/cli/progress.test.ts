import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startProgress } from './progress';

const capture = (isTTY: boolean) => {
  const stream = Object.assign(new PassThrough(), { isTTY });
  let text = '';
  stream.on('data', (d: Buffer) => (text += d.toString()));
  return { stream, text: () => text };
};

describe('startProgress', () => {
  it('draws the step on a terminal and clears the line when done', () => {
    const tty = capture(true);
    const p = startProgress(tty.stream, 10_000);
    p.step('fetching the statement');
    p.done();
    expect(tty.text()).toContain('fetching the statement');
    expect(tty.text().endsWith('\r\x1b[2K')).toBe(true);
  });

  it('says nothing when stderr is not a terminal', () => {
    const pipe = capture(false);
    const p = startProgress(pipe.stream);
    p.step('fetching the statement');
    p.done();
    expect(pipe.text()).toBe('');
  });
});
