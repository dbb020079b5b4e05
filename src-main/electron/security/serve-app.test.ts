import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveAppRequest } from './serve-app';

// A real out/renderer tree in a temp dir, with a secret beside it that must stay unreachable.
const base = mkdtempSync(join(tmpdir(), 'cs-serve-app-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'cashier', 'assets'), { recursive: true });
writeFileSync(
  join(root, 'cashier', 'index.html'),
  '<!doctype html><script type="module" src="./assets/a.js"></script>',
);
writeFileSync(join(root, 'cashier', 'assets', 'a.js'), 'export const a = 1;');
writeFileSync(join(base, 'config.json'), '{"secret":true}');
afterAll(() => rmSync(base, { recursive: true, force: true }));

const logs: string[] = [];
const serve = (url: string) =>
  serveAppRequest(url, { rootDir: root, csp: "default-src 'none'", log: (m) => logs.push(m) });

describe('serveAppRequest', () => {
  it('serves a page with its type, the CSP and nosniff', async () => {
    const res = await serve('countersign://app/cashier/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('./assets/a.js');
  });

  it('serves a relative module script as JavaScript', async () => {
    const res = await serve('countersign://app/cashier/assets/a.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('export const a = 1;');
  });

  it('answers 404 for a missing file and for a directory', async () => {
    expect((await serve('countersign://app/cashier/nope.js')).status).toBe(404);
    expect((await serve('countersign://app/cashier/assets')).status).toBe(404);
  });

  it.each([
    'countersign://app/cashier/..%2f..%2fconfig.json',
    'countersign://app/..%5cconfig.json',
    'countersign://evil/cashier/index.html',
  ])('refuses %s with 403 and logs it', async (url) => {
    const res = await serve(url);
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('secret');
    expect(logs.at(-1)).toMatch(/app request refused/);
  });

  it('cannot reach the file beside the root even through URL dot segments', async () => {
    const res = await serve('countersign://app/../config.json');
    expect(res.status).toBe(404);
  });
});
