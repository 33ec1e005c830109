import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bearerToken, generateApiKey, hashApiKey, hasRole, ROLES, type Role } from '../../functions/core/auth/api-keys.ts';

describe('hasRole', () => {
  // Every pair written out (not derived from ROLES, so a wrong list cannot shape the test):
  // a route's role is the least a key needs, admin > member > viewer.
  it.each([
    ['admin', 'admin', true], ['admin', 'member', true], ['admin', 'viewer', true],
    ['member', 'admin', false], ['member', 'member', true], ['member', 'viewer', true],
    ['viewer', 'admin', false], ['viewer', 'member', false], ['viewer', 'viewer', true],
  ] as [Role, Role, boolean][])('a %s key on a %s route: %s', (role, needed, allowed) => {
    expect(hasRole(role, needed)).toBe(allowed);
  });

  it('knows exactly the three roles, most powerful first', () => {
    expect(ROLES).toEqual(['admin', 'member', 'viewer']);
  });
});

describe('bearerToken', () => {
  it('takes the key from "Bearer <key>"', () => {
    expect(bearerToken('Bearer afp_abc')).toBe('afp_abc');
  });

  it('accepts any case of the scheme and several spaces or a tab before the key', () => {
    expect(bearerToken('bearer afp_abc')).toBe('afp_abc');
    expect(bearerToken('BEARER   afp_abc')).toBe('afp_abc');
    expect(bearerToken('Bearer\tafp_abc')).toBe('afp_abc');
  });

  it('ignores trailing white space after the key', () => {
    expect(bearerToken('Bearer afp_abc  ')).toBe('afp_abc');
  });

  it('refuses a missing or empty header', () => {
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('')).toBeUndefined();
  });

  it('refuses other schemes and a scheme that only contains "Bearer"', () => {
    expect(bearerToken('Basic afp_abc')).toBeUndefined();
    expect(bearerToken('XBearer afp_abc')).toBeUndefined();
    expect(bearerToken('Bearerafp_abc')).toBeUndefined();
    expect(bearerToken(' Bearer afp_abc')).toBeUndefined();
  });

  it('refuses a scheme with no key, and two words after it', () => {
    expect(bearerToken('Bearer')).toBeUndefined();
    expect(bearerToken('Bearer ')).toBeUndefined();
    expect(bearerToken('Bearer afp_abc extra')).toBeUndefined();
  });
});

describe('generateApiKey', () => {
  it('makes an afp_ key of 192 random bits in base64url, and its id from the first 8 characters', () => {
    const { apiKey, keyId } = generateApiKey();
    expect(apiKey).toMatch(/^afp_[A-Za-z0-9_-]{32}$/);
    expect(Buffer.from(apiKey.slice(4), 'base64url')).toHaveLength(24);
    expect(keyId).toBe(apiKey.slice(4, 12));
  });

  it('never makes the same key twice', () => {
    const keys = new Set(Array.from({ length: 200 }, () => generateApiKey().apiKey));
    expect(keys.size).toBe(200);
  });
});

describe('hashApiKey', () => {
  it('is the hex SHA-256 of the whole key', () => {
    expect(hashApiKey('afp_abc')).toBe(createHash('sha256').update('afp_abc').digest('hex'));
    // A published test vector, so the test does not only repeat the implementation.
    expect(hashApiKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('tells keys apart that differ in one character', () => {
    expect(hashApiKey('afp_abc')).not.toBe(hashApiKey('afp_abd'));
  });
});
