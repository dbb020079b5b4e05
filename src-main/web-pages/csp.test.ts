import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { REPORT_CSS } from '../reports/report-style';
import { pageCsp, pageKindOf } from './csp';
import { contentTypeFor } from './mime';

const directives = (csp: string) =>
  new Map(
    csp.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(' ');
      return [name, values.join(' ')];
    }),
  );

describe('the windows’ one CSP', () => {
  it('lets only the customer display compile WebAssembly, and nobody eval', () => {
    expect(directives(pageCsp('cashier')).get('script-src')).toBe("'self'");
    expect(directives(pageCsp('customer')).get('script-src')).toBe("'self' 'wasm-unsafe-eval'");
    for (const page of ['cashier', 'customer'] as const) {
      expect(pageCsp(page)).not.toContain("'unsafe-eval'");
      expect(pageCsp(page)).not.toContain("'unsafe-inline'");
    }
  });

  it('lets the cashier window style the day report it frames, by the stylesheet’s hash only', () => {
    const hash = createHash('sha256').update(REPORT_CSS).digest('base64');
    expect(directives(pageCsp('cashier')).get('style-src')).toBe(`'self' 'sha256-${hash}'`);
    expect(directives(pageCsp('customer')).get('style-src')).toBe("'self'");
  });

  it('puts the app origin where served pages say self', () => {
    const csp = directives(pageCsp('cashier', 'countersign://app'));
    expect(csp.get('connect-src')).toBe('countersign://app');
    expect(csp.get('default-src')).toBe("'none'");
  });

  it('leaves frame-ancestors out of the <meta> tag only (browsers ignore it there)', () => {
    expect(directives(pageCsp('customer')).get('frame-ancestors')).toBe("'none'");
    expect(directives(pageCsp('customer', "'self'", 'meta')).has('frame-ancestors')).toBe(false);
  });

  it('knows the customer display’s pages by their path', () => {
    expect(pageKindOf('/customer/index.html')).toBe('customer');
    expect(pageKindOf('/cashier/index.html')).toBe('cashier');
    expect(pageKindOf('/')).toBe('cashier');
  });

  it('serves WebAssembly and scripts with their types, anything else as opaque bytes', () => {
    expect(contentTypeFor('/customer/face/wasm/x.wasm')).toBe('application/wasm');
    expect(contentTypeFor('/a/b.MJS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/a/model.bin')).toBe('application/octet-stream');
  });
});
