import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Fuses from '@electron/fuses';
import { afterAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
  packager: { appInfo: { productFilename: string }; executableName: string };
}
const hook = require('./after-pack.cjs') as {
  default: (context: PackContext) => Promise<void>;
  electronBinaryPath: (context: PackContext) => string;
};
const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses') as typeof Fuses;

// A stand-in binary with Electron's real fuse wire layout: sentinel, version 1, length 8, then
// one byte per fuse ('1' on, '0' off) in Electron's shipped defaults, amid other bytes.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const SHIPPED_DEFAULTS = '10110001';
const dir = mkdtempSync(join(tmpdir(), 'cs-after-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const context = (platform: string, appOutDir = dir): PackContext => ({
  appOutDir,
  electronPlatformName: platform,
  arch: 1,
  packager: { appInfo: { productFilename: 'Countersign' }, executableName: 'countersign' },
});

describe('after-pack hook', () => {
  it.each([
    ['linux', '/o/countersign'],
    ['win32', '/o/Countersign.exe'],
    ['darwin', '/o/Countersign.app'],
  ])('finds the %s binary at %s', (platform, path) => {
    expect(hook.electronBinaryPath(context(platform, '/o'))).toBe(path);
  });

  it('refuses an unknown platform', () => {
    expect(() => hook.electronBinaryPath(context('haiku'))).toThrow(/unknown platform haiku/);
  });

  it('flips every fuse of the packaged binary to the hardened setting', async () => {
    const binary = join(dir, 'countersign');
    const head = Buffer.from('\x7fELF....padding....');
    const wire = Buffer.concat([
      Buffer.from(SENTINEL),
      Buffer.from([1, 8]),
      Buffer.from(SHIPPED_DEFAULTS),
    ]);
    writeFileSync(binary, Buffer.concat([head, wire, Buffer.from('....tail')]));
    await hook.default(context('linux'));
    const fuses = (await getCurrentFuseWire(binary)) as unknown as Record<number, number>;
    const on = 49;
    const off = 48;
    expect(fuses[FuseV1Options.RunAsNode]).toBe(off);
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(on);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(off);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(off);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(on);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(on);
    expect(fuses[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(off);
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(off);
    // Only the wire changed: the bytes around it are intact.
    const after = readFileSync(binary);
    expect(after.subarray(0, head.length).equals(head)).toBe(true);
    expect(after.subarray(-8).toString()).toBe('....tail');
  });

  it('fails the build when the binary has no fuse wire', async () => {
    writeFileSync(join(dir, 'countersign'), 'not electron');
    await expect(hook.default(context('linux'))).rejects.toThrow(/sentinel/);
  });
});
