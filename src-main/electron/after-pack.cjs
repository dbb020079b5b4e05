// electron-builder afterPack hook: flips Electron's fuses in the packaged binary before it is
// signed, so the shipped app cannot be turned into a plain Node runtime or debugged through
// environment variables or flags, and loads only the asar it was packaged with.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder require()s its hooks; this file is CommonJS on purpose */
const { join } = require('node:path');
const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses');

/** Every fuse, set explicitly: strictlyRequireAllFuses fails the build if Electron adds one. */
const FUSES = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Checked against the asar hash electron-builder embeds (Windows and macOS; no-op on Linux).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // Pages are served from the countersign:// scheme; file:// gets no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** Path of the Electron binary inside electron-builder's unpacked output, per platform. */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const product = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'win32':
      return join(appOutDir, `${product}.exe`);
    case 'darwin':
    case 'mas':
      return join(appOutDir, `${product}.app`);
    case 'linux':
      return join(appOutDir, packager.executableName);
    default:
      throw new Error(`after-pack: unknown platform ${electronPlatformName}`);
  }
}

/** The hook electron-builder calls once per platform/arch after packing. */
async function afterPack(context) {
  const binary = electronBinaryPath(context);
  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  // Flipping fuses invalidates an ad-hoc signature; arm64 (and universal) macOS refuse unsigned
  // binaries. Arch 3 = arm64, 4 = universal (builder-util's Arch enum).
  await flipFuses(binary, {
    ...FUSES,
    resetAdHocDarwinSignature: isMac && (context.arch === 3 || context.arch === 4),
  });
  console.log(`  • fuses flipped  binary=${binary}`);
}

exports.default = afterPack;
exports.FUSES = FUSES;
exports.electronBinaryPath = electronBinaryPath;
