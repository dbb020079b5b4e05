import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, mergeDeep, parseConfig, saveConfig } from './load-config';

const dir = () => mkdtempSync(join(tmpdir(), 'cs-config-'));

describe('config', () => {
  it('a missing file means all defaults', () => {
    const config = loadConfig(dir());
    expect(config).toMatchObject({
      currency: 'CNY',
      customer: { language: 'en' },
      serve: { host: '127.0.0.1', port: 4711 },
    });
  });

  it.each([
    [{ customer: { language: 'fr' } }, /customer\.language: .*\(got "fr"\)/],
    [{ currency: 'yuan' }, /currency: an ISO 4217 code such as CNY or USD \(got "yuan"\)/],
    [{ serve: { port: 70000 } }, /serve\.port: .*\(got 70000\)/],
    [
      { customer: { inactivityTimeoutSeconds: 2 } },
      /customer\.inactivityTimeoutSeconds: .*\(got 2\)/,
    ],
    [{ methods: [] }, /methods: enable at least one payment method/],
    [{ methods: ['code', 'code'] }, /methods: each method once/],
    [{ windows: { kiosk: 'yes' } }, /windows\.kiosk: .*\(got "yes"\)/],
    [{ stor: { name: 'x' } }, /unknown key 'stor'/],
    [{ store: { nmae: 'x' } }, /store: unknown key 'nmae'/],
    [{ store: { locale: 'german' } }, /store\.locale: a locale such as de-DE.*\(got "german"\)/],
  ])('names the bad key and value: %j', (input, message) => {
    expect(() => parseConfig(input)).toThrow(ConfigError);
    expect(() => parseConfig(input)).toThrow(message);
  });

  it('says where a file is not JSON', () => {
    const d = dir();
    writeFileSync(join(d, 'config.json'), '{ "currency": "CNY", }');
    expect(() => loadConfig(d)).toThrow(/config\.json could not be read: not valid JSON/);
  });

  it.each(['[]', 'null', '42', '"x"', 'true'])(
    'refuses a config.json that is not an object: %s',
    (text) => {
      const d = dir();
      writeFileSync(join(d, 'config.json'), text);
      expect(() => loadConfig(d)).toThrow(ConfigError);
      expect(() => loadConfig(d)).toThrow(/config\.json must hold a JSON object/);
      expect(() => loadConfig(d, { serve: { port: 6000 } })).toThrow(/must hold a JSON object/);
    },
  );

  it('command-line overrides win over the file and are validated with it', () => {
    const d = dir();
    writeFileSync(
      join(d, 'config.json'),
      JSON.stringify({ serve: { port: 5000, host: '0.0.0.0' } }),
    );
    expect(loadConfig(d, { serve: { port: 6000 } }).serve).toEqual({ port: 6000, host: '0.0.0.0' });
    expect(() => loadConfig(d, { serve: { port: -1 } })).toThrow(/serve\.port/);
  });

  it('saves atomically and reads back the same', () => {
    const d = dir();
    const config = parseConfig({ store: { name: 'Corner Shop', message: '欢迎光临' } });
    saveConfig(d, config);
    expect(loadConfig(d)).toEqual(config);
  });

  it('merges objects deeply and replaces arrays', () => {
    expect(mergeDeep({ a: { b: 1, c: [1, 2] } }, { a: { c: [3] } })).toEqual({
      a: { b: 1, c: [3] },
    });
  });
});
