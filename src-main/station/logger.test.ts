import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { logStrayRejections } from './logger';

describe('stray promise rejections', () => {
  it('are logged, and the process goes on', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const stop = logStrayRejections(pino({ base: null }, sink));
    try {
      void Promise.reject(new Error('a scanner went away'));
      await vi.waitFor(() => expect(lines.join('')).toContain('a scanner went away'));
    } finally {
      stop();
    }
    expect(lines.join('')).toContain('unhandled promise rejection');
  });
});
