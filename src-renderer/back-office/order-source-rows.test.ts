import { describe, expect, it } from 'vitest';
import type { CaptureDevicesView } from '../../src-main/contract/store-ops';
import { captureTone, poleTone } from './order-source-rows';

const capture = (over: Partial<CaptureDevicesView['capture']>): CaptureDevicesView['capture'] => ({
  choice: 'auto',
  backend: 'native',
  state: 'unknown',
  lastCaptureAt: null,
  lastWidth: null,
  lastHeight: null,
  lastMs: null,
  lastError: null,
  ...over,
});

describe('order-source row tones', () => {
  it('pole: green listening, red cannot open, amber otherwise', () => {
    expect(poleTone('open')).toBe('ok');
    expect(poleTone('failed')).toBe('error');
    expect(poleTone('disabled')).toBe('warn');
    expect(poleTone('opening')).toBe('warn');
  });

  it('capture: red when failing or no back-end at all, green working, amber not yet known', () => {
    expect(captureTone(capture({ state: 'ok' }))).toBe('ok');
    expect(captureTone(capture({ state: 'failed' }))).toBe('error');
    expect(captureTone(capture({ state: 'no_region', backend: null }))).toBe('error');
    expect(captureTone(capture({ state: 'no_region' }))).toBe('warn');
    expect(captureTone(capture({ state: 'unknown' }))).toBe('warn');
  });
});
