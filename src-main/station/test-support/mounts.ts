import { execFileSync } from 'node:child_process';
import type { Result } from '../../contract/result';

/** Runs mount(8); null when this machine does not allow it (not root, no CAP_SYS_ADMIN). */
function tryMount(args: string[]): string | null {
  try {
    execFileSync('mount', args, { stdio: 'pipe' });
    return null;
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error).trim() || 'mount failed';
  }
}

/** Unmounts, retrying while a just-killed process still holds files there. */
export function unmount(dir: string): void {
  for (let i = 0; i < 50; i++) {
    try {
      execFileSync('umount', [dir], { stdio: 'pipe' });
      return;
    } catch {
      execFileSync('sleep', ['0.1']);
    }
  }
  execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
}

/** Mounts a tmpfs of `size` (e.g. "4m") on dir; returns why not when mounting is not permitted. */
export function mountTmpfs(dir: string, size: string): Result<void, string> {
  const why = tryMount(['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir]);
  return why ? { ok: false, error: why } : { ok: true, value: undefined };
}

/** Makes dir read-only in place (a read-only bind mount over itself). */
export function bindReadOnly(dir: string): Result<void, string> {
  const why = tryMount(['--bind', dir, dir]);
  if (why) return { ok: false, error: why };
  const ro = tryMount(['-o', 'remount,bind,ro', dir]);
  if (ro) {
    unmount(dir);
    return { ok: false, error: ro };
  }
  return { ok: true, value: undefined };
}
