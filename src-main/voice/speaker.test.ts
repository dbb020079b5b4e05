import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { voiceConfigSchema } from './config';
import { createSpeaker, engineFor, speechCommand } from './speaker';
import { spokenAmount } from './spoken-amount';

const haveEspeak = spawnSync('espeak-ng', ['--version']).status === 0;
if (!haveEspeak)
  console.warn(
    'speaker.test: espeak-ng is not installed (bash .ci/debian-packages installs it); playback tests skipped',
  );

/** Seconds of sound and the loudest sample of a 16-bit mono PCM WAV file. */
function wavStats(file: string): { seconds: number; peak: number } {
  const wav = readFileSync(file);
  expect(wav.subarray(0, 4).toString()).toBe('RIFF');
  const rate = wav.readUInt32LE(24);
  const dataAt = wav.indexOf('data', 12) + 8;
  let peak = 0;
  for (let i = dataAt; i + 1 < wav.length; i += 2)
    peak = Math.max(peak, Math.abs(wav.readInt16LE(i)));
  return { seconds: (wav.length - dataAt) / 2 / rate, peak };
}

describe('speaker', () => {
  const dir = mkdtempSync(join(tmpdir(), 'voice-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('picks the engine each operating system ships', () => {
    expect(engineFor('auto', 'win32')).toBe('sapi');
    expect(engineFor('auto', 'darwin')).toBe('say');
    expect(engineFor('auto', 'linux')).toBe('espeak-ng');
    // SAPI gets the text through the environment, never as script.
    const sapi = speechCommand(
      'sapi',
      spokenAmount({ amount: 4826, currency: 'CNY', platform: 'wechat', language: 'zh-CN' }),
      170,
    );
    expect(sapi.env.COUNTERSIGN_SAY_TEXT).toBe('微信收款 四十八点二六元');
    expect(sapi.args.join(' ')).not.toContain('四十八');
  });

  it.skipIf(!haveEspeak)(
    'says a Chinese and an English amount with the machine’s voice (espeak-ng)',
    async () => {
      const wavFile = join(dir, 'said.wav');
      const speaker = createSpeaker(voiceConfigSchema.parse({}), { wavFile, platform: 'linux' });
      const zh = spokenAmount({
        amount: 4826,
        currency: 'CNY',
        platform: 'wechat',
        language: 'zh-CN',
      });
      expect(await speaker.say(zh)).toEqual({ ok: true });
      const chinese = wavStats(wavFile);
      expect(chinese.seconds).toBeGreaterThan(1);
      expect(chinese.peak).toBeGreaterThan(1000);
      const en = spokenAmount({
        amount: 100010,
        currency: 'CNY',
        platform: 'alipay',
        language: 'en',
      });
      expect(await speaker.say(en)).toEqual({ ok: true });
      expect(wavStats(wavFile).seconds).toBeGreaterThan(1);
      expect(speaker.status()).toMatchObject({
        engine: 'espeak-ng',
        lastError: null,
        lastText: en.text,
      });
    },
  );

  it.skipIf(!haveEspeak)(
    'a machine without a sound device is told, not taken for spoken',
    async () => {
      const speaker = createSpeaker(voiceConfigSchema.parse({}), { platform: 'linux' });
      const u = spokenAmount({ amount: 1, currency: 'CNY', platform: null, language: 'en' });
      const r = await speaker.say(u);
      // This machine may have a sound card; then it really played.
      if (r.ok) expect(speaker.status().lastText).toBe(u.text);
      else expect(speaker.status().lastError).toMatch(/could not play|exited/);
    },
  );

  it('switched off says nothing; a missing engine is a status, not a crash', async () => {
    const off = createSpeaker(voiceConfigSchema.parse({ enabled: false }));
    const u = spokenAmount({ amount: 1, currency: 'CNY', platform: null, language: 'en' });
    expect(await off.say(u)).toMatchObject({ ok: false, error: { code: 'disabled' } });
    const missing = createSpeaker(voiceConfigSchema.parse({ engine: 'say' }), {
      platform: 'linux',
    });
    const r = await missing.say(u);
    expect(r).toMatchObject({ ok: false, error: { code: 'failed' } });
    expect(missing.status().lastError).toMatch(/say is not installed|say exited/);
  });
});
