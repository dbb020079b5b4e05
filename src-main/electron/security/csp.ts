/**
 * The Content-Security-Policy every page of ours gets. Scripts and styles only from our own
 * scheme (vite emits files, no inline script or style); no eval; no network except our own origin;
 * images may be data:/blob: (QR codes, camera frames); media from blob: (camera stream).
 */
export function contentSecurityPolicy(origin: string): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': [origin],
    // No 'unsafe-inline': React sets styles through CSSOM, which CSP does not restrict, and the
    // pages' own <meta> CSP (src-renderer/index.html) already forbids inline styles.
    'style-src': [origin],
    'img-src': [origin, 'data:', 'blob:'],
    'font-src': [origin, 'data:'],
    'media-src': [origin, 'blob:', 'mediastream:'],
    'connect-src': [origin],
    'worker-src': ["'none'"],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
