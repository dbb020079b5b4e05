import { z } from 'zod';
import { formatIssues } from '../config/load-config';
import { configSchema } from '../config/schema';
import type { HqDb } from './hq-db';
import { idSchema } from './wire';

// Settings HQ pushes to a store's stations. HQ keeps only the keys it sets (never defaults, so a
// station keeps everything HQ does not set) and checks them with the station's own config
// schema; the station checks them again against its whole config before saving them.

/**
 * The config keys HQ may set: what a chain decides centrally (methods offered, the store's name
 * and message, the customer's language and timeouts, the payment time limits). Not the HQ link,
 * devices, capture or the payment system's address: a wrong push there could cut a station off.
 */
export const PUSHABLE: Record<string, true | readonly string[]> = {
  methods: true,
  store: true,
  customer: true,
  payments: ['timeoutMs', 'queryIntervalMs', 'deadlineMs', 'reverseRetryMs'],
};

/** Settings as pushed: a partial station config. */
export type PushedSettings = Record<string, unknown>;

/** Why these settings cannot be pushed, or null when the station's schema accepts them. */
export function settingsProblem(settings: unknown): string | null {
  if (settings === null || typeof settings !== 'object' || Array.isArray(settings))
    return 'settings must be an object such as {"store":{"name":"…"}}';
  for (const [key, value] of Object.entries(settings)) {
    const allowed = PUSHABLE[key];
    if (!allowed) return `${key}: not a setting HQ may push (${Object.keys(PUSHABLE).join(', ')})`;
    if (allowed !== true) {
      const bad = Object.keys((value ?? {}) as object).find((k) => !allowed.includes(k));
      if (bad) return `${key}.${bad}: not a setting HQ may push (${allowed.join(', ')})`;
    }
  }
  const r = configSchema.safeParse(settings);
  return r.success ? null : formatIssues(r.error.issues, settings);
}

/** PUT /v1/admin/settings: the same settings for some stores (or all). */
export const settingsRequestSchema = z
  .object({
    stores: z.union([z.literal('all'), z.array(idSchema).min(1).max(10_000)]),
    settings: z.record(z.string(), z.unknown()),
  })
  .strict();

/** What a store's stations are to apply: the revision and the keys set. */
export interface StoreSettings {
  revision: number;
  settings: PushedSettings;
}

/**
 * Sets the settings of the given stores (replacing what HQ set before), one revision more each;
 * returns the stores and their new revision. The caller has checked them (settingsProblem).
 */
export async function setStoreSettings(
  db: HqDb,
  stores: string[] | 'all',
  settings: PushedSettings,
): Promise<{ storeId: string; revision: number }[]> {
  const ids =
    stores === 'all'
      ? (await db.query<{ store_id: string }>('SELECT store_id FROM stores')).rows.map(
          (r) => r.store_id,
        )
      : stores;
  const r = await db.query<{ store_id: string; revision: number }>(
    `INSERT INTO store_settings (store_id, revision, settings)
     SELECT s, 1, $2::jsonb FROM unnest($1::text[]) AS s
     ON CONFLICT (store_id) DO UPDATE SET revision = store_settings.revision + 1,
       settings = EXCLUDED.settings, updated_at = now()
     RETURNING store_id, revision`,
    [ids, JSON.stringify(settings)],
  );
  return r.rows.map((x) => ({ storeId: x.store_id, revision: x.revision }));
}

/** The store's settings when newer than the revision the station reports; null otherwise. */
export async function settingsToPush(
  db: HqDb,
  storeId: string,
  stationRevision: number,
): Promise<StoreSettings | null> {
  const r = await db.query<{ revision: number; settings: PushedSettings }>(
    'SELECT revision, settings FROM store_settings WHERE store_id = $1 AND revision > $2',
    [storeId, stationRevision],
  );
  const row = r.rows[0];
  return row ? { revision: row.revision, settings: row.settings } : null;
}

/** Every store's current settings. */
export async function listStoreSettings(
  db: HqDb,
): Promise<(StoreSettings & { storeId: string; updatedAt: string })[]> {
  const r = await db.query<{
    store_id: string;
    revision: number;
    settings: PushedSettings;
    updated_at: Date;
  }>('SELECT store_id, revision, settings, updated_at FROM store_settings ORDER BY store_id');
  return r.rows.map((x) => ({
    storeId: x.store_id,
    revision: x.revision,
    settings: x.settings,
    updatedAt: x.updated_at.toISOString(),
  }));
}
