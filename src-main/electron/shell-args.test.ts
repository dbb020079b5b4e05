import { describe, expect, it } from 'vitest';
import { parseShellArgs } from './shell-args';

describe('parseShellArgs', () => {
  it.each<[string, string[], unknown]>([
    ['nothing', ['/opt/Countersign/countersign'], { dataDir: null, kiosk: null, devTools: false }],
    [
      'development: electron . with kiosk',
      ['electron', '.', '--kiosk'],
      { dataDir: null, kiosk: true, devTools: false },
    ],
    [
      '--no-kiosk overrides config',
      ['x', '--no-kiosk'],
      { dataDir: null, kiosk: false, devTools: false },
    ],
    [
      '--data-dir DIR, relative to cwd',
      ['x', '--data-dir', 'station'],
      { dataDir: '/srv/station', kiosk: null, devTools: false },
    ],
    [
      '--data-dir=DIR',
      ['x', '--data-dir=/var/cs'],
      { dataDir: '/var/cs', kiosk: null, devTools: false },
    ],
    [
      'Chromium switches are ignored',
      ['x', '--no-sandbox', '--enable-logging', '--devtools'],
      { dataDir: null, kiosk: null, devTools: true },
    ],
  ])('%s', (_name, argv, expected) => {
    expect(parseShellArgs(argv, '/srv')).toEqual({ ok: true, value: expected });
  });

  it.each([[['x', '--data-dir']], [['x', '--data-dir', '--kiosk']], [['x', '--data-dir=']]])(
    'refuses %j',
    (argv) => {
      expect(parseShellArgs(argv, '/srv')).toEqual({
        ok: false,
        error: '--data-dir needs a directory',
      });
    },
  );
});
