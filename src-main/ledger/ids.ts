import { randomBytes } from 'node:crypto';
import { localDay } from '../lib/local-day';

/**
 * A day-prefixed, unguessable id, e.g. P20261122a1b2c3d4e5f60718. Attempt ids double as the
 * merchant order number sent to providers, so they are URL-safe and at most 32 characters.
 */
export function newId(prefix: string, now: number): string {
  return `${prefix}${localDay(now).replaceAll('-', '')}${randomBytes(8).toString('hex')}`;
}
