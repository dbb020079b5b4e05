import {
  hashSecret,
  newCredential,
  newEnrolmentCode,
  parseCredential,
  parseEnrolmentCode,
  secretMatches,
  type StationRef,
} from './credentials';
import { connectClient, type HqDb } from './hq-db';
import type { Refusal } from './apply-batch';
import type { EnrolReply } from './wire';

/** How long an enrolment code stays usable. */
export const CODE_TTL_HOURS = 24;

type Outcome<T> = { ok: true; value: T } | { ok: false; error: Refusal };

/** Issues a one-time enrolment code for a station (created, as pending, if new). */
export async function issueEnrolmentCode(
  db: HqDb,
  ref: StationRef,
): Promise<{ code: string; expiresAt: string }> {
  const { code, secret } = newEnrolmentCode(ref);
  await db.query('INSERT INTO stores (store_id) VALUES ($1) ON CONFLICT DO NOTHING', [ref.storeId]);
  await db.query(
    'INSERT INTO stations (store_id, station_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
    [ref.storeId, ref.stationId],
  );
  const r = await db.query<{ expires_at: Date }>(
    `INSERT INTO enrolment_codes (store_id, station_id, code_hash, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(hours => $4)) RETURNING expires_at`,
    [ref.storeId, ref.stationId, hashSecret(secret), CODE_TTL_HOURS],
  );
  return { code, expiresAt: r.rows[0]!.expires_at.toISOString() };
}

const badCode = (): Outcome<never> => ({
  ok: false,
  error: {
    status: 403,
    error: 'bad_code',
    message: 'this enrolment code is unknown, used or expired; ask HQ for a new one',
  },
});

/**
 * Exchanges a one-time code for the station's credential: the code is spent and the station
 * holds a new credential (an earlier one stops working). A revoked station needs a new code.
 */
export async function enrolStation(
  db: HqDb,
  code: string,
  version: string,
): Promise<Outcome<EnrolReply>> {
  const parsed = parseEnrolmentCode(code);
  if (!parsed) return badCode();
  const client = await connectClient(db);
  try {
    await client.query('BEGIN');
    const spent = await client.query(
      `UPDATE enrolment_codes SET used_at = now() WHERE store_id = $1 AND code_hash = $2
         AND station_id = $3 AND used_at IS NULL AND expires_at > now()`,
      [parsed.storeId, hashSecret(parsed.secret), parsed.stationId],
    );
    if (spent.rowCount !== 1) {
      await client.query('ROLLBACK');
      return badCode();
    }
    const { credential, secret } = newCredential(parsed);
    await client.query(
      `UPDATE stations SET status = 'active', credential_hash = $3, enrolled_at = now(),
         revoked_at = NULL, software_version = $4 WHERE store_id = $1 AND station_id = $2`,
      [parsed.storeId, parsed.stationId, hashSecret(secret), version],
    );
    await client.query('COMMIT');
    return {
      ok: true,
      value: { storeId: parsed.storeId, stationId: parsed.stationId, credential },
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Revokes a station: its credential stops working at once, on every HQ instance. */
export async function revokeStation(db: HqDb, ref: StationRef): Promise<boolean> {
  const r = await db.query(
    `UPDATE stations SET status = 'revoked', revoked_at = now(), credential_hash = NULL
     WHERE store_id = $1 AND station_id = $2`,
    [ref.storeId, ref.stationId],
  );
  return r.rowCount === 1;
}

/**
 * The station a bearer credential belongs to. Unknown, revoked and wrong secrets get one answer
 * (401), so a guesser learns nothing about which stations exist.
 */
export async function authenticateStation(
  db: HqDb,
  authorization: string | undefined,
): Promise<Outcome<StationRef>> {
  const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  const parsed = token ? parseCredential(token) : null;
  const refused: Outcome<never> = {
    ok: false,
    error: {
      status: 401,
      error: 'unauthorized',
      message: 'unknown or revoked station credential; enrol the station again',
    },
  };
  if (!parsed) return refused;
  const r = await db.query<{ status: string; credential_hash: string | null }>(
    'SELECT status, credential_hash FROM stations WHERE store_id = $1 AND station_id = $2',
    [parsed.storeId, parsed.stationId],
  );
  const row = r.rows[0];
  if (
    !row ||
    row.status !== 'active' ||
    !row.credential_hash ||
    !secretMatches(parsed.secret, row.credential_hash)
  )
    return refused;
  return { ok: true, value: { storeId: parsed.storeId, stationId: parsed.stationId } };
}
