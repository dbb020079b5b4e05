import type { SerialSuffix } from './config';

/** Longest code we keep; a scanner spewing bytes without a suffix must not grow memory. */
export const MAX_FRAME_BYTES = 4096;

export interface Framer {
  /** Adds received bytes; returns every complete code they finish, decoded as UTF-8. */
  push(chunk: Uint8Array): string[];
  /** Ends the pending code (idle gap); returns it, or null when nothing is pending. */
  flush(): string | null;
  /** Bytes waiting for a suffix. */
  pending(): number;
  /** Drops pending bytes, e.g. after a reconnect, so half a code never joins the next one. */
  reset(): void;
}

const CR = 0x0d;
const LF = 0x0a;

/**
 * Splits a serial byte stream into codes by the configured suffix. CR and LF are both treated
 * as line ends for CR/LF/CRLF so a scanner set to CRLF while the station says CR (or the
 * reverse) still yields clean codes, and empty lines between them are skipped.
 */
export function createFramer(suffix: SerialSuffix, onOverflow?: (bytes: number) => void): Framer {
  let buffer: number[] = [];
  const decoder = new TextDecoder('utf-8');
  const take = (): string => {
    const text = decoder.decode(Uint8Array.from(buffer));
    buffer = [];
    return text;
  };
  return {
    push(chunk) {
      const out: string[] = [];
      for (const byte of chunk) {
        if (suffix !== 'none' && (byte === CR || byte === LF)) {
          if (buffer.length > 0) out.push(take());
          continue;
        }
        if (buffer.length >= MAX_FRAME_BYTES) {
          onOverflow?.(buffer.length);
          buffer = [];
        }
        buffer.push(byte);
      }
      return out;
    },
    flush() {
      return buffer.length > 0 ? take() : null;
    },
    pending: () => buffer.length,
    reset() {
      buffer = [];
    },
  };
}
