import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Validates electron-builder.yml with electron-builder's own schema (as `npm run dist` would,
// without needing an Electron binary) and checks the choices the security design depends on.
const root = join(import.meta.dirname, '..', '..');
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const fromLib = createRequire(fromBuilder.resolve('app-builder-lib'));
const yaml = fromLib('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = fromLib('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = fromLib('builder-util') as {
  DebugLogger: new (enabled: boolean) => unknown;
};

interface BuilderConfig {
  files: string[];
  asarUnpack: string[];
  afterPack: string;
  npmRebuild: boolean;
  win: { target: { target: string }[] };
  linux: { target: { target: string }[] };
}
const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it("passes electron-builder's schema", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('rejects a config with a typo, so the schema check can fail', async () => {
    await expect(
      validateConfiguration({ ...config, asarUnpak: [] }, new DebugLogger(false)),
    ).rejects.toThrow(/asarUnpak/);
  });

  it('packs the bundles, unpacks native modules and runs the fuse hook', () => {
    expect(config.files).toContain('out/**/*');
    expect(config.files.some((f) => f.startsWith('src-main'))).toBe(false);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(true);
    expect(existsSync(join(root, config.afterPack))).toBe(true);
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.linux.target.map((t) => t.target).sort()).toEqual(['AppImage', 'deb']);
  });

  it("matches package.json's main, which build.mjs writes", () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('out/main/electron-main.cjs');
  });
});
