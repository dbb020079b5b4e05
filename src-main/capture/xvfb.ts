import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

/** A running Xvfb server. */
export interface Xvfb {
  display: string;
  stop(): Promise<void>;
}

/** Starts Xvfb on the first free display number from `from`, and waits for its socket. */
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
    const up = await waitFor(() => existsSync(`/tmp/.X11-unix/X${n}`), proc, 5000);
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
  const proc = spawn('display', ['-geometry', `+${x}+${y}`, '-borderwidth', '0', file], {
    stdio: 'ignore',
    env: { ...process.env, DISPLAY: display },
  });
  // The window is mapped a moment after start; xdotool can tell when.
  await waitFor(
    () => spawnSyncQuiet('xdotool', ['search', '--onlyvisible', '--class', 'display'], display),
    proc,
    5000,
  );
  await new Promise((r) => setTimeout(r, 300));
  return proc;
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
