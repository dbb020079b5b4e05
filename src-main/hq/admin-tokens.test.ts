import { describe, expect, it } from 'vitest';
import { adminOf, parseAdminTokens } from './admin-tokens';

const WANG = 'wang-token-0123456789abcdef';
const LI = 'li-token-0123456789abcdef';

describe("HQ's admin tokens", () => {
  it('takes one token (as before) or several, named, one per line or comma-separated', () => {
    expect(adminOf(parseAdminTokens(`${WANG}\n`), `Bearer ${WANG}`)).toBe('admin');
    const admins = parseAdminTokens(`# HQ admins\nwang:${WANG}\n\n li: ${LI} \n`);
    expect(admins.map((a) => a.name)).toEqual(['wang', 'li']);
    expect(adminOf(admins, `Bearer ${LI}`)).toBe('li');
    expect(adminOf(admins, `Bearer ${WANG}`)).toBe('wang');
    expect(adminOf(parseAdminTokens(`${WANG},${LI}`), `Bearer ${LI}`)).toBe('admin-2');
  });

  it('refuses other tokens, a missing header and the token without Bearer', () => {
    const admins = parseAdminTokens(`wang:${WANG}`);
    expect(adminOf(admins, `Bearer ${LI}`)).toBeNull();
    expect(adminOf(admins, undefined)).toBeNull();
    expect(adminOf(admins, WANG)).toBeNull();
    expect(adminOf(admins, `Bearer wang:${WANG}`)).toBeNull();
  });

  it('does not start with a short token, a name used twice, or nothing', () => {
    expect(() => parseAdminTokens(`wang:${WANG}\nli:short-one`)).toThrow(
      'admin token 2 (li) is shorter than 16 characters',
    );
    expect(() => parseAdminTokens(`wang:${WANG}\nwang:${LI}`)).toThrow(
      'the admin name wang is used twice',
    );
    expect(() => parseAdminTokens(' \n# none\n')).toThrow('no admin token given');
  });
});
