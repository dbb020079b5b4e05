import { spawn } from 'node:child_process';
import type { VoiceConfig } from './config';
import type { Utterance } from './spoken-amount';

/** The speaker as the device panel shows it. */
export interface SpeakerStatus {
  enabled: boolean;
  engine: 'sapi' | 'say' | 'espeak-ng' | null;
  lastError: string | null;
  lastSpokenAt: number | null;
  /** The last thing said or tried (lastError says when it could not be), for the panel. */
  lastText: string | null;
}

export type SayResult =
  { ok: true } | { ok: false; error: { code: 'disabled' | 'failed'; message: string } };

/** Says utterances one after another through the machine's speech engine; never throws. */
export interface Speaker {
  say(utterance: Utterance): Promise<SayResult>;
  status(): SpeakerStatus;
}

/** The engine `auto` means on this operating system. */
export function engineFor(
  setting: VoiceConfig['engine'],
  platform: NodeJS.Platform = process.platform,
): 'sapi' | 'say' | 'espeak-ng' {
  if (setting !== 'auto') return setting;
  return platform === 'win32' ? 'sapi' : platform === 'darwin' ? 'say' : 'espeak-ng';
}

// The text reaches PowerShell through an environment variable, never the command line, so a
// store name or amount can never be read as script.
const SAPI_SCRIPT = `Add-Type -AssemblyName System.Speech
$s = New-Object System.Speech.Synthesis.SpeechSynthesizer
$v = $s.GetInstalledVoices() | Where-Object { $_.Enabled -and $_.VoiceInfo.Culture.Name -eq $env:COUNTERSIGN_SAY_LANG } | Select-Object -First 1
if ($v) { $s.SelectVoice($v.VoiceInfo.Name) } elseif ($env:COUNTERSIGN_SAY_LANG -ne 'en-US') { [Console]::Error.WriteLine("no installed voice for $env:COUNTERSIGN_SAY_LANG"); exit 3 }
if ($env:COUNTERSIGN_SAY_WAV) { $s.SetOutputToWaveFile($env:COUNTERSIGN_SAY_WAV) }
$s.Speak($env:COUNTERSIGN_SAY_TEXT)`;

/** The command for one utterance; with `wavFile` the sound goes to a file instead of the speakers. */
export function speechCommand(
  engine: 'sapi' | 'say' | 'espeak-ng',
  utterance: Utterance,
  rate: number,
  wavFile?: string,
): { command: string; args: string[]; env: Record<string, string> } {
  const zh = utterance.language === 'zh-CN';
  if (engine === 'espeak-ng')
    return {
      command: 'espeak-ng',
      args: [
        '-v',
        zh ? 'cmn' : 'en',
        '-s',
        String(rate),
        ...(wavFile ? ['-w', wavFile] : []),
        '--',
        utterance.text,
      ],
      env: {},
    };
  if (engine === 'say')
    return {
      command: 'say',
      args: [
        '-v',
        zh ? 'Tingting' : 'Samantha',
        '-r',
        String(rate),
        ...(wavFile ? ['-o', wavFile, '--data-format=LEI16@22050'] : []),
        '--',
        utterance.text,
      ],
      env: {},
    };
  return {
    command: 'powershell.exe',
    args: ['-NoProfile', '-NonInteractive', '-Command', SAPI_SCRIPT],
    env: {
      COUNTERSIGN_SAY_TEXT: utterance.text,
      COUNTERSIGN_SAY_LANG: zh ? 'zh-CN' : 'en-US',
      ...(wavFile ? { COUNTERSIGN_SAY_WAV: wavFile } : {}),
    },
  };
}

/**
 * Creates the speaker. At most a few announcements wait: a burst of payments says the latest
 * ones rather than falling minutes behind. `wavFile` (tests, diagnostics) writes each utterance
 * to that file instead of playing it.
 */
export function createSpeaker(
  config: VoiceConfig,
  options: { now?: () => number; wavFile?: string; platform?: NodeJS.Platform } = {},
): Speaker {
  const now = options.now ?? Date.now;
  const engine = config.enabled ? engineFor(config.engine, options.platform) : null;
  const state: SpeakerStatus = {
    enabled: config.enabled,
    engine,
    lastError: null,
    lastSpokenAt: null,
    lastText: null,
  };
  let chain: Promise<unknown> = Promise.resolve();
  let waiting = 0;

  const run = (utterance: Utterance): Promise<SayResult> =>
    new Promise((resolve) => {
      state.lastText = utterance.text;
      const cmd = speechCommand(engine!, utterance, config.rate, options.wavFile);
      let stderr = '';
      const child = spawn(cmd.command, cmd.args, {
        env: { ...process.env, ...cmd.env },
        stdio: ['ignore', 'ignore', 'pipe'],
        windowsHide: true,
      });
      child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-500)));
      const fail = (message: string) => {
        state.lastError = message;
        resolve({ ok: false, error: { code: 'failed', message } });
      };
      child.once('error', (e) =>
        fail(
          (e as NodeJS.ErrnoException).code === 'ENOENT'
            ? `${cmd.command} is not installed (voice.engine "${config.engine}")`
            : e.message,
        ),
      );
      child.once('exit', (code) => {
        if (code !== 0) return fail(`${cmd.command} exited with ${code}: ${stderr.trim()}`);
        // espeak-ng exits 0 when it could not open the sound device; its stderr says so.
        if (/^error:/im.test(stderr))
          return fail(`${cmd.command} could not play: ${stderr.trim().split('\n').slice(-1)[0]}`);
        Object.assign(state, { lastError: null, lastSpokenAt: now() });
        resolve({ ok: true });
      });
    });

  return {
    status: () => ({ ...state }),
    say: (utterance) => {
      if (!engine)
        return Promise.resolve({
          ok: false,
          error: { code: 'disabled', message: 'voice is switched off' },
        });
      if (waiting >= 3)
        return Promise.resolve({
          ok: false,
          error: { code: 'failed', message: 'announcements are backed up' },
        });
      waiting++;
      const next = chain.then(() => {
        waiting--;
        return run(utterance);
      });
      chain = next;
      return next;
    },
  };
}
