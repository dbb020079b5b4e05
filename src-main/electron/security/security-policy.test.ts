import { describe, expect, it } from 'vitest';
import type { Role } from '../../contract/commands';
import { contentTypeFor } from '../../web-pages/mime';
import { pageCsp } from '../../web-pages/csp';
import { APP_ORIGIN, pageUrl, resolveAppPath, roleOfPageUrl } from './app-protocol';
import { decideWindowOpen, isAllowedNavigation } from './navigation-policy';
import { isPermissionAllowed, type PermissionQuery } from './permission-policy';
import { webPreferencesFor } from './web-preferences';

describe('isAllowedNavigation', () => {
  it.each<[string, Role | null, boolean]>([
    ['countersign://app/cashier/index.html', 'cashier', true],
    ['countersign://app/customer/index.html', 'customer', true],
    ['countersign://app/customer/index.html#/result', 'customer', true],
    ['countersign://app/cashier/index.html?lang=zh-CN', 'cashier', true],
    ['countersign://app/customer/index.html', 'cashier', false],
    ['countersign://app/cashier/index.html', 'customer', false],
    ['countersign://app/cashier/index.html', null, false],
    ['countersign://app/cashier/', 'cashier', false],
    ['countersign://app/assets/main.js', 'cashier', false],
    ['countersign://app/customer/../cashier/index.html', 'cashier', true], // URL-normalised
    ['countersign://evil/cashier/index.html', 'cashier', false],
    ['countersign://user:pw@app/cashier/index.html', 'cashier', false],
    ['https://example.com/', 'cashier', false],
    ['http://127.0.0.1:4711/customer/index.html', 'customer', false],
    ['file:///etc/passwd', 'cashier', false],
    [
      'file:///opt/Countersign/resources/app.asar/out/renderer/cashier/index.html',
      'cashier',
      false,
    ],
    ['javascript:alert(1)', 'cashier', false],
    ['data:text/html,<script>1</script>', 'customer', false],
    ['about:blank', 'customer', false],
    ['not a url', 'cashier', false],
    ['', 'cashier', false],
  ])('%s in the %s window → %s', (url, role, allowed) => {
    expect(isAllowedNavigation(url, role)).toBe(allowed);
  });

  it('pageUrl gives a URL that roleOfPageUrl maps back to its role', () => {
    expect(roleOfPageUrl(pageUrl('cashier'))).toBe('cashier');
    expect(roleOfPageUrl(pageUrl('customer'))).toBe('customer');
    expect(isAllowedNavigation(pageUrl('customer'), 'customer')).toBe(true);
  });
});

describe('decideWindowOpen', () => {
  it.each(['https://pay.example.com', 'countersign://app/cashier/index.html', 'about:blank'])(
    'denies %s',
    (url) => {
      expect(decideWindowOpen(url).action).toBe('deny');
    },
  );
});

describe('isPermissionAllowed', () => {
  const base: PermissionQuery = {
    role: 'customer',
    permission: 'media',
    requestingUrl: 'countersign://app/customer/index.html',
    mediaTypes: ['video'],
    isMainFrame: true,
  };
  it.each<[string, Partial<PermissionQuery>, boolean]>([
    ['customer camera', {}, true],
    [
      'customer camera, origin only (permission check)',
      { requestingUrl: 'countersign://app/' },
      true,
    ],
    ['customer microphone', { mediaTypes: ['audio'] }, false],
    ['customer camera + microphone', { mediaTypes: ['video', 'audio'] }, false],
    ['customer media of unknown kind', { mediaTypes: ['unknown'] }, false],
    ['customer media without kinds', { mediaTypes: undefined }, false],
    [
      'cashier camera',
      { role: 'cashier', requestingUrl: 'countersign://app/cashier/index.html' },
      false,
    ],
    [
      'customer role but cashier page',
      { requestingUrl: 'countersign://app/cashier/index.html' },
      false,
    ],
    ['unregistered webContents', { role: null }, false],
    ['subframe', { isMainFrame: false }, false],
    ['foreign origin', { requestingUrl: 'https://evil.example/' }, false],
    ['no requesting url', { requestingUrl: undefined }, false],
    ['geolocation', { permission: 'geolocation' }, false],
    ['notifications', { permission: 'notifications' }, false],
    ['hid', { permission: 'hid' }, false],
    ['serial', { permission: 'serial' }, false],
    ['clipboard-read', { permission: 'clipboard-read' }, false],
    ['display-capture', { permission: 'display-capture' }, false],
    ['openExternal', { permission: 'openExternal' }, false],
    ['fullscreen', { permission: 'fullscreen' }, false],
  ])('%s → %s', (_name, patch, allowed) => {
    expect(isPermissionAllowed({ ...base, ...patch })).toBe(allowed);
  });
});

describe("the windows' CSP on the app scheme", () => {
  const csp = pageCsp('cashier', APP_ORIGIN);
  const directive = (name: string) =>
    csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith(`${name} `));

  it('defaults to none and allows scripts only from our origin, without eval or inline', () => {
    expect(directive('default-src')).toBe("default-src 'none'");
    expect(directive('script-src')).toBe('script-src countersign://app');
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).not.toContain("'unsafe-inline'");
  });
  it('forbids frames, objects, forms and foreign connections', () => {
    expect(directive('frame-src')).toBe("frame-src 'none'");
    expect(directive('object-src')).toBe("object-src 'none'");
    expect(directive('form-action')).toBe("form-action 'none'");
    expect(directive('connect-src')).toBe('connect-src countersign://app');
    expect(csp).not.toMatch(/https?:|\*/);
  });
});

describe('webPreferencesFor', () => {
  it.each(['cashier', 'customer'] as const)('locks down the %s window', (role) => {
    const prefs = webPreferencesFor(role, { preloadDir: '/app/out/preload' });
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    expect(prefs.preload).toBe(`/app/out/preload/${role}.cjs`);
  });
  it('keeps the customer display running in the background', () => {
    expect(webPreferencesFor('customer', { preloadDir: '/p' }).backgroundThrottling).toBe(false);
  });
});

describe('resolveAppPath', () => {
  const root = '/opt/cs/out/renderer';
  it.each([
    ['countersign://app/cashier/index.html', `${root}/cashier/index.html`],
    ['countersign://app/customer/', `${root}/customer/index.html`],
    ['countersign://app/', `${root}/index.html`],
    ['countersign://app/assets/index-abc.js?v=1', `${root}/assets/index-abc.js`],
    ['countersign://app/assets/%E4%B8%AD.png', `${root}/assets/中.png`],
    ['countersign://app/../../etc/passwd', `${root}/etc/passwd`], // URL parsing clamps at root
  ])('%s → %s', (url, path) => {
    expect(resolveAppPath(url, root)).toEqual({ ok: true, value: path });
  });
  it.each([
    ['countersign://app/assets/..%2f..%2f..%2fetc/passwd', 'forbidden'],
    ['countersign://app/assets/..%5c..%5cwin.ini', 'forbidden'],
    ['countersign://app/x%00.html', 'forbidden'],
    ['countersign://app/%E4', 'invalid_input'],
    ['countersign://other/cashier/index.html', 'forbidden'],
    ['file:///etc/passwd', 'forbidden'],
    ['::::', 'invalid_input'],
  ])('refuses %s with %s', (url, code) => {
    const result = resolveAppPath(url, root);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });
  it('names content types and never sniffs unknown files as HTML', () => {
    expect(contentTypeFor('/a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/a/x.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/a/data.bin')).toBe('application/octet-stream');
  });
});
