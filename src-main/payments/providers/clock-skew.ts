import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { readCredentialFile } from './credential-files';
import type { ProvidersConfig } from './provider-config';

/**
 * The provider host's clock against ours, from its HTTP Date header (ms, + = ours ahead), or why
 * it could not be told. Signed requests fail when the two drift apart by minutes. `ca`: the CA
 * the store's config names for that host (a private CA, as WeChat Pay's caFile), trusted as the
 * provider's own client trusts it.
 */
export function clockSkew(
  url: string,
  now: () => number = Date.now,
  ca?: string,
): Promise<number | string> {
  let origin: URL;
  try {
    origin = new URL(new URL(url).origin);
  } catch {
    return Promise.resolve(`not an address: ${url}`);
  }
  const request = origin.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = request(origin, { method: 'HEAD', timeout: 5000, ...(ca ? { ca } : {}) }, (res) => {
      res.resume();
      const date = Date.parse(res.headers.date ?? '');
      resolve(Number.isNaN(date) ? 'the host sent no Date header' : now() - date);
    });
    req.on('timeout', () => req.destroy(new Error('no answer within 5000 ms')));
    req.on('error', (error: Error & { code?: string }) =>
      resolve(`unreachable: ${error.code ?? error.message}`),
    );
    req.end();
  });
}

/**
 * The CA a provider's config names for its host (WeChat Pay's `caFile`), read as its client
 * reads it; undefined when none is named or it cannot be read (the credential check says why).
 */
export function providerCa(
  providers: ProvidersConfig | undefined,
  dataDir: string,
  name: string,
): string | undefined {
  const file = name === 'wechat' ? providers?.wechat?.caFile : undefined;
  if (!file) return undefined;
  const r = readCredentialFile(dataDir, file, 'the WeChat Pay CA file', false);
  return r.ok ? r.value : undefined;
}
