import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Runs the real build script into a temp dir, then loads each preload bundle the way a
// sandboxed renderer would: a fresh context whose require knows only 'electron'.
const outDir = mkdtempSync(join(tmpdir(), 'cs-electron-build-'));
const requires = (code: string) => [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);

beforeAll(async () => {
  await promisify(execFile)(process.execPath, ['src-main/electron/build.mjs', '--out-dir', outDir]);
}, 60_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function loadPreload(role: string) {
  const exposed: Record<string, unknown> = {};
  const sent: unknown[][] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => {
        sent.push(args);
        return { ok: true, value: null };
      },
      on: () => undefined,
      removeListener: () => undefined,
    },
  };
  const module = { exports: {} };
  const require = (name: string) => {
    if (name === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require ${name}`);
  };
  const code = readFileSync(join(outDir, 'preload', `${role}.cjs`), 'utf8');
  runInNewContext(code, { require, module, exports: module.exports, console });
  return {
    api: exposed.countersign as { role: string; invoke(c: string, i: unknown): Promise<unknown> },
    sent,
  };
}

describe('build.mjs', () => {
  it('bundles each preload so it requires nothing but electron', () => {
    for (const role of ['cashier', 'customer']) {
      const code = readFileSync(join(outDir, 'preload', `${role}.cjs`), 'utf8');
      expect(new Set(requires(code))).toEqual(new Set(['electron']));
    }
  });

  it('leaves native modules external in main and rewrites import.meta', () => {
    const code = readFileSync(join(outDir, 'main', 'electron-main.cjs'), 'utf8');
    const names = new Set(requires(code));
    expect(names.has('electron')).toBe(true);
    expect(code).not.toMatch(/import\.meta/);
    // Nothing from a native package's internals was inlined.
    expect(code).not.toContain('prebuild-install');
    expect(code).not.toContain('node-gyp-build');
  });

  it.each([
    ['customer', 'checkout.confirm', true],
    ['customer', 'order.submit', false],
    ['cashier', 'order.submit', true],
    ['cashier', 'checkout.confirm', false],
  ])('the %s preload bundle forwards %s: %s', async (role, command, forwarded) => {
    const { api, sent } = loadPreload(role);
    expect(api.role).toBe(role);
    const result = (await api.invoke(command, {})) as { ok: boolean };
    expect(result.ok).toBe(forwarded);
    expect(sent).toEqual(forwarded ? [['countersign:invoke', command, {}]] : []);
  });
});
