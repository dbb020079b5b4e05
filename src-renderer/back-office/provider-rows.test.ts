import { describe, expect, it } from 'vitest';
import type { ProviderStatusView } from '../../src-main/contract/store-ops';
import { providerTone } from './provider-rows';

const row = (over: Partial<ProviderStatusView>): ProviderStatusView => ({
  name: 'alipay',
  url: 'https://openapi.alipay.com/gateway.do',
  routed: true,
  credentials: 'loaded',
  clockSkewMs: null,
  lastError: null,
  lastCheckedAt: null,
  lastCall: null,
  ...over,
});

describe('provider row tone', () => {
  it('red on any error, green when routed, amber when nothing routes to it', () => {
    expect(providerTone(row({}))).toBe('ok');
    expect(providerTone(row({ routed: false }))).toBe('warn');
    expect(providerTone(row({ lastError: 'unreachable: ECONNREFUSED' }))).toBe('error');
    expect(providerTone(row({ routed: false, lastError: 'key file missing' }))).toBe('error');
  });
});
