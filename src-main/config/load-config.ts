import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { configSchema, type StationConfig } from './schema';

/** A config file that could not be used; the message names the file, key and value. */
export class ConfigError extends Error {}

/** Where the station keeps config.json, the ledger and logs, per platform. */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (env.COUNTERSIGN_DATA_DIR) return env.COUNTERSIGN_DATA_DIR;
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Countersign');
  if (platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', 'Countersign');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'countersign');
}

function describeValue(root: unknown, path: PropertyKey[]): string {
  let value: unknown = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return 'nothing';
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

/** Formats zod issues as "key.path: problem (got value)" lines a store's IT person can act on. */
export function formatIssues(issues: z.core.$ZodIssue[], input: unknown): string {
  return issues
    .map((issue) => {
      const key = issue.path.map(String).join('.') || '(root)';
      if (issue.code === 'unrecognized_keys') {
        return `${key === '(root)' ? '' : `${key}: `}unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
      }
      return `${key}: ${issue.message} (got ${describeValue(input, issue.path)})`;
    })
    .join('\n');
}

/** Validates an already-parsed config object; throws ConfigError naming every bad key. */
export function parseConfig(input: unknown, source = 'config'): StationConfig {
  const result = configSchema.safeParse(input);
  if (!result.success)
    throw new ConfigError(`${source} is invalid:\n${formatIssues(result.error.issues, input)}`);
  return result.data;
}

/**
 * Reads `<dataDir>/config.json` (a missing file means all defaults) and applies overrides,
 * such as command-line flags, on top. Overrides are validated together with the file.
 */
export function loadConfig(
  dataDir: string,
  overrides: Record<string, unknown> = {},
): StationConfig {
  const file = join(dataDir, 'config.json');
  let raw: unknown = {};
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') {
      const reason =
        error instanceof SyntaxError ? `not valid JSON: ${error.message}` : String(error);
      throw new ConfigError(`${file} could not be read: ${reason}`);
    }
  }
  // mergeDeep would quietly replace a non-object with the overrides, i.e. all defaults.
  if (!isPlainObject(raw))
    throw new ConfigError(
      `${file} must hold a JSON object such as {"store":{"name":"…"}}, not ${describeJson(raw)}; fix or delete the file`,
    );
  return parseConfig(mergeDeep(raw, overrides), file);
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array (${JSON.stringify(value).slice(0, 40)})`;
  return `a ${typeof value} (${JSON.stringify(value).slice(0, 40)})`;
}

/** Writes config atomically (temp file + rename) so a crash never leaves half a file. */
export function saveConfig(dataDir: string, config: StationConfig): void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'config.json');
  writeFileSync(`${file}.tmp`, `${JSON.stringify(config, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Merges b over a, recursing into plain objects; arrays and scalars are replaced. */
export function mergeDeep(a: unknown, b: unknown): unknown {
  if (!isPlainObject(a) || !isPlainObject(b)) return b === undefined ? a : b;
  const out: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b)) out[key] = mergeDeep(a[key], value);
  return out;
}
