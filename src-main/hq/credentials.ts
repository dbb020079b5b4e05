import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// Enrolment codes and station credentials. HQ stores only SHA-256 hashes of their secrets, so a
// copy of its database lets nobody speak for a station.

/** A station's identity at HQ. */
export interface StationRef {
  storeId: string;
  stationId: string;
}

const ID = '[A-Za-z0-9][A-Za-z0-9_-]{0,31}';
const CODE = new RegExp(`^(${ID})\\.(${ID})\\.([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})$`);
const CREDENTIAL = new RegExp(`^(${ID})/(${ID})\\.([A-Za-z0-9_-]{43})$`);
// No 0/O, 1/I: a code is read aloud or typed off a screen.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** SHA-256 hex of a secret; what HQ keeps. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Constant-time comparison of a presented secret with a stored hash. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A new one-time enrolment code naming its station: `store.station.XXXX-XXXX-XXXX`. */
export function newEnrolmentCode(ref: StationRef): { code: string; secret: string } {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
  const secret = `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  return { code: `${ref.storeId}.${ref.stationId}.${secret}`, secret };
}

/** The station and secret in an enrolment code, or null when it is not one. */
export function parseEnrolmentCode(code: string): (StationRef & { secret: string }) | null {
  const m = CODE.exec(fixCase(code));
  return m ? { storeId: m[1]!, stationId: m[2]!, secret: m[3]! } : null;
}

// Ids keep their case; only the secret part is upper-cased (typed codes are often lower case).
function fixCase(code: string): string {
  const t = code.trim();
  const cut = t.lastIndexOf('.');
  return cut < 0 ? t : `${t.slice(0, cut)}.${t.slice(cut + 1).toUpperCase()}`;
}

/** A new station credential: `store/station.<43 base64url chars>`, a bearer token. */
export function newCredential(ref: StationRef): { credential: string; secret: string } {
  const secret = randomBytes(32).toString('base64url');
  return { credential: `${ref.storeId}/${ref.stationId}.${secret}`, secret };
}

/** The station and secret of a credential, or null when it is not one. */
export function parseCredential(token: string): (StationRef & { secret: string }) | null {
  const m = CREDENTIAL.exec(token);
  return m ? { storeId: m[1]!, stationId: m[2]!, secret: m[3]! } : null;
}
