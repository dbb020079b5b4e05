import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Loads the real bundled main (out/main/electron-main.cjs from build.mjs) with a stand-in for
// the 'electron' module, since no Electron binary exists here, and checks its start-up paths:
// the scheme is registered before anything else, a second instance quits, and a bad config
// is shown and ends the process before any window or station exists.
const outDir = mkdtempSync(join(tmpdir(), 'cs-electron-main-'));
const dataDir = mkdtempSync(join(tmpdir(), 'cs-electron-data-'));
const bundle = join(outDir, 'main', 'electron-main.cjs');

beforeAll(async () => {
  await promisify(execFile)(process.execPath, [
    'src-main/electron/build.mjs',
    '--out-dir',
    outDir,
    '--no-minify',
  ]);
}, 60_000);
afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

function fakeElectron(lock: boolean) {
  const calls: string[] = [];
  let exited: (code: number) => void = () => undefined;
  const exit = new Promise<number>((resolve) => (exited = resolve));
  const electron = {
    app: {
      enableSandbox: () => calls.push('enableSandbox'),
      requestSingleInstanceLock: () => (calls.push('lock'), lock),
      quit: () => calls.push('quit'),
      exit: (code: number) => (calls.push(`exit ${code}`), exited(code)),
      whenReady: () => Promise.resolve(),
      getPath: () => join(dataDir, 'userData-should-not-be-used'),
      on: (event: string) => calls.push(`on ${event}`),
    },
    protocol: {
      registerSchemesAsPrivileged: (
        schemes: { scheme: string; privileges: Record<string, boolean> }[],
      ) =>
        calls.push(
          `scheme ${schemes.map((s) => `${s.scheme}:${Object.keys(s.privileges).join(',')}`).join(' ')}`,
        ),
    },
    dialog: {
      showErrorBox: (title: string, message: string) => calls.push(`dialog ${title}: ${message}`),
    },
  };
  return { electron, calls, exit };
}

function runBundle(electron: unknown, argv: string[]): void {
  // Resolved from the repo, as the packaged bundle resolves from the app's node_modules.
  const realRequire = createRequire(join(import.meta.dirname, '..', '..', 'package.json'));
  const require = (name: string) => (name === 'electron' ? electron : realRequire(name));
  const module = { exports: {} };
  const savedArgv = process.argv;
  process.argv = ['/opt/countersign/countersign', ...argv];
  try {
    new Function(
      'require',
      'module',
      'exports',
      '__filename',
      '__dirname',
      readFileSync(bundle, 'utf8'),
    )(require, module, module.exports, bundle, join(outDir, 'main'));
  } finally {
    process.argv = savedArgv;
  }
}

describe('bundled Electron main', () => {
  it('registers the privileged scheme and the sandbox first, then quits as a second instance', () => {
    const { electron, calls } = fakeElectron(false);
    runBundle(electron, []);
    expect(calls).toEqual([
      'enableSandbox',
      'scheme countersign:standard,secure,supportFetchAPI,codeCache',
      'lock',
      'quit',
    ]);
  });

  it('shows a bad config in a dialog and exits 1 before creating anything', async () => {
    writeFileSync(
      join(dataDir, 'config.json'),
      JSON.stringify({ windows: { customerDisplay: 'left' } }),
    );
    const { electron, calls, exit } = fakeElectron(true);
    const stderr: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => (
      stderr.push(String(chunk)),
      true
    )) as typeof process.stderr.write;
    try {
      runBundle(electron, ['--data-dir', dataDir]);
      expect(await exit).toBe(1);
    } finally {
      process.stderr.write = write;
    }
    const dialog = calls.find((c) => c.startsWith('dialog '));
    expect(dialog).toContain('windows.customerDisplay');
    expect(dialog).toContain('"left"');
    expect(stderr.join('')).toContain('windows.customerDisplay');
    expect(calls.some((c) => c.startsWith('on '))).toBe(false);
  });

  it.runIf(process.platform === 'linux')(
    "without --data-dir opens the CLI's data directory, not Electron's userData",
    async () => {
      // Electron's userData on Linux is ~/.config/Countersign; the CLI's is ~/.config/countersign.
      const xdg = mkdtempSync(join(tmpdir(), 'cs-electron-xdg-'));
      const saved = { xdg: process.env.XDG_CONFIG_HOME, dir: process.env.COUNTERSIGN_DATA_DIR };
      process.env.XDG_CONFIG_HOME = xdg;
      delete process.env.COUNTERSIGN_DATA_DIR;
      mkdirSync(join(xdg, 'countersign'));
      writeFileSync(
        join(xdg, 'countersign', 'config.json'),
        JSON.stringify({ windows: { customerDisplay: 'up' } }),
      );
      const { electron, calls, exit } = fakeElectron(true);
      const write = process.stderr.write.bind(process.stderr);
      process.stderr.write = (() => true) as typeof process.stderr.write;
      try {
        runBundle(electron, []);
        expect(await exit).toBe(1);
      } finally {
        process.stderr.write = write;
        if (saved.xdg === undefined) delete process.env.XDG_CONFIG_HOME;
        else process.env.XDG_CONFIG_HOME = saved.xdg;
        if (saved.dir !== undefined) process.env.COUNTERSIGN_DATA_DIR = saved.dir;
        rmSync(xdg, { recursive: true, force: true });
      }
      expect(calls.find((c) => c.startsWith('dialog '))).toContain('"up"');
    },
  );
});
