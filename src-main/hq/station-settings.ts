import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, mergeDeep, parseConfig, saveConfig } from '../config/load-config';
import { settingsProblem, type StoreSettings } from './hq-settings';
import { settingsStateSchema, type SettingsState } from './wire';

// The station's side of settings pushed by HQ: checked against the station's whole config with
// its own schema, then saved to config.json; what happened is kept and reported to HQ.

/** Where the station records the last settings revision it applied or refused. */
export const settingsStateFile = (dataDir: string) => join(dataDir, 'hq-settings.json');

/** The last pushed settings' fate, null before any. A damaged file counts as none. */
export function loadSettingsState(dataDir: string): SettingsState | null {
  const file = settingsStateFile(dataDir);
  if (!existsSync(file)) return null;
  try {
    return settingsStateSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

/**
 * Applies HQ's settings to `<dataDir>/config.json`: refused when a key is not one HQ may set or
 * the resulting config fails the station's schema (the file is then untouched). A running
 * station then takes up the live part (config/live-settings.ts) between two checkouts, and the
 * payment time limits from its next payment (station/setup-hq-sync.ts; one under way keeps its
 * own).
 */
export function applyPushedSettings(
  dataDir: string,
  pushed: StoreSettings,
  now: number,
): SettingsState {
  const done = (state: SettingsState['state'], message: string): SettingsState => {
    const s: SettingsState = { revision: pushed.revision, state, message, at: now };
    const file = settingsStateFile(dataDir);
    writeFileSync(`${file}.tmp`, `${JSON.stringify(s)}\n`);
    renameSync(`${file}.tmp`, file);
    return s;
  };
  const problem = settingsProblem(pushed.settings);
  if (problem) return done('refused', problem.slice(0, 2000));
  try {
    const next = parseConfig(mergeDeep(loadConfig(dataDir), pushed.settings), 'settings from HQ');
    saveConfig(dataDir, next);
  } catch (error) {
    return done('refused', (error as Error).message.slice(0, 2000));
  }
  const later = 'payments' in pushed.settings ? '; payment time limits from the next payment' : '';
  return done('applied', `saved to config.json; in effect from the next checkout${later}`);
}
