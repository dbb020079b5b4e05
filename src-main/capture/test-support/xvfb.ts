import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import sharp from 'sharp';

/** A running Xvfb server. */
export interface Xvfb {
  display: string;
  stop(): Promise<void>;
}

/** Starts Xvfb on the first free display number from `from`, and waits until it takes clients. */
export async function startXvfb(width = 1280, height = 800, from = 90): Promise<Xvfb> {
  for (let n = from; n < from + 60; n++) {
    if (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) continue;
    const proc = spawn(
      'Xvfb',
      [`:${n}`, '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp'],
      {
        stdio: 'ignore',
      },
    );
    // The socket appears before the server takes clients; xdpyinfo succeeds once it does.
    const up =
      (await waitFor(() => existsSync(`/tmp/.X11-unix/X${n}`), proc, 5000)) &&
      (await waitFor(() => spawnSyncQuiet('xdpyinfo', [], `:${n}`), proc, 5000));
    if (up) return { display: `:${n}`, stop: () => stopProcess(proc) };
    await stopProcess(proc);
  }
  throw new Error('no free X display number for Xvfb');
}

/** Shows a PNG at (x, y) in a borderless ImageMagick window: our stand-in legacy POS. */
export async function showImage(
  display: string,
  file: string,
  x = 0,
  y = 0,
): Promise<ChildProcess> {
  let why = '';
  // A window that dies before it is painted (X busy, a client slot not yet free) gets two
  // more tries; the error says what ImageMagick said.
  for (let attempt = 0; attempt < 3; attempt++) {
    const proc = spawn('display', ['-geometry', `+${x}+${y}`, '-borderwidth', '0', file], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, DISPLAY: display },
    });
    let stderr = '';
    proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    // The window is mapped a moment after start; xdotool can tell when.
    await waitFor(
      () => spawnSyncQuiet('xdotool', ['search', '--onlyvisible', '--class', 'display'], display),
      proc,
      5000,
    );
    // On a loaded machine a window can be mapped well before it is painted: wait until the
    // screen shows the picture, or tests would capture an empty window and fail for nothing.
    try {
      await waitForPicture(display, file, x, y, proc);
      return proc;
    } catch (error) {
      await stopProcess(proc);
      why = `${(error as Error).message}${stderr ? ` (display: ${stderr.trim()})` : ''}`;
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  throw new Error(why);
}

/** Grey pixels of a PNG (file or bytes), one byte each, with the size. */
async function grey(input: string | Buffer) {
  const { data, info } = await sharp(input)
    .removeAlpha()
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

/**
 * Polls the X screen (ImageMagick `import`, so it does not depend on our capture back-ends)
 * until the part of `file` that fits on it, at (x, y), is there: mean grey difference < 8.
 */
async function waitForPicture(
  display: string,
  file: string,
  x: number,
  y: number,
  proc: ChildProcess,
  ms = 15_000,
): Promise<void> {
  const want = await grey(file);
  const end = Date.now() + ms;
  while (Date.now() < end && proc.exitCode === null) {
    const shot = spawnSync('import', ['-window', 'root', 'png:-'], {
      env: { ...process.env, DISPLAY: display },
      maxBuffer: 64 * 1024 * 1024,
    });
    if (shot.status === 0 && shot.stdout.length > 0) {
      const got = await grey(shot.stdout);
      const w = Math.min(want.width, got.width - x);
      const h = Math.min(want.height, got.height - y);
      if (w > 0 && h > 0) {
        let diff = 0;
        for (let row = 0; row < h; row++) {
          for (let col = 0; col < w; col++) {
            const a = want.data[(row * want.width + col) * want.channels]!;
            const b = got.data[((row + y) * got.width + col + x) * got.channels]!;
            diff += Math.abs(a - b);
          }
        }
        if (diff / (w * h) < 8) return;
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the window showing ${file} was never painted on ${display}`);
}

function spawnSyncQuiet(cmd: string, args: string[], display: string): boolean {
  return spawnSync(cmd, args, { env: { ...process.env, DISPLAY: display } }).status === 0;
}

async function waitFor(test: () => boolean, proc: ChildProcess, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (proc.exitCode !== null) return false;
    if (test()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/** Stops a child process we started and waits for it to exit. */
export function stopProcess(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    proc.once('exit', () => resolve());
    proc.kill('SIGTERM');
  });
}
