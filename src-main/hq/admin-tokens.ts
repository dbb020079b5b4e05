import { createHash, timingSafeEqual } from 'node:crypto';

/** One person (or tool) allowed into HQ's admin endpoints. */
export interface HqAdmin {
  name: string;
  /** SHA-256 of the token: compared in constant time, the token itself is not kept. */
  digest: Buffer;
}

const NAME = /^[A-Za-z][\w.-]{0,39}$/;
const digest = (token: string) => createHash('sha256').update(token).digest();

/**
 * HQ's admins from `COUNTERSIGN_HQ_ADMIN_TOKEN` or the admin token file: one token, or one per
 * line (or comma-separated), each optionally named `name:token` so HQ's log says who pushed
 * settings or enrolled a station. Taking a person's access away is removing their line and
 * restarting HQ. Every token is 16+ characters and every name is used once; otherwise a
 * sentence naming the entry is thrown, and HQ does not start.
 */
export function parseAdminTokens(text: string): HqAdmin[] {
  const entries = text
    .split(/[\n,]/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  if (entries.length === 0) throw new Error('no admin token given');
  const admins = entries.map((entry, i) => {
    const colon = entry.indexOf(':');
    const named = colon > 0 && NAME.test(entry.slice(0, colon));
    const name = named ? entry.slice(0, colon) : entries.length === 1 ? 'admin' : `admin-${i + 1}`;
    const token = named ? entry.slice(colon + 1).trim() : entry;
    if (token.length < 16)
      throw new Error(`admin token ${i + 1} (${name}) is shorter than 16 characters`);
    return { name, digest: digest(token) };
  });
  const names = admins.map((a) => a.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new Error(`the admin name ${twice} is used twice`);
  return admins;
}

/** The admin whose token an `Authorization: Bearer …` header carries, or null. */
export function adminOf(
  admins: readonly HqAdmin[],
  authorization: string | undefined,
): string | null {
  const match = /^Bearer (.+)$/.exec(authorization ?? '');
  const given = digest(match?.[1] ?? '');
  let found: string | null = null;
  // Every token is compared, so the time taken does not tell which one was close.
  for (const a of admins) if (timingSafeEqual(given, a.digest) && !found) found = a.name;
  return found;
}
