import { describe, expect, it } from 'vitest';
import { DEFAULT_TOKEN_TTL_SECONDS, generateUploadToken, looksLikeUploadToken, MAX_TOKEN_TTL_SECONDS } from '../../functions/core/auth/upload-tokens.ts';

describe('upload tokens', () => {
  it('makes a token of 192 random bits behind its prefix, and a time-sortable id that holds none of it', () => {
    const a = generateUploadToken();
    const b = generateUploadToken();
    expect(a.token).toMatch(/^afpu_[A-Za-z0-9_-]{32}$/);
    expect(a.tokenId).toMatch(/^upt_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.tokenId < b.tokenId || a.tokenId.slice(4, 14) === b.tokenId.slice(4, 14)).toBe(true);
    expect(a.tokenId).not.toContain(a.token.slice(5, 15));
    expect(looksLikeUploadToken(a.token)).toBe(true);
  });

  it('checks the shape exactly: prefix, alphabet and length, nothing before or after', () => {
    const body = 'A'.repeat(31) + '_';
    expect(looksLikeUploadToken(`afpu_${body}`)).toBe(true);
    expect(looksLikeUploadToken(`afpu_${body}x`)).toBe(false);
    expect(looksLikeUploadToken(`xafpu_${body}`)).toBe(false);
    expect(looksLikeUploadToken(`afpu_${'A'.repeat(31)}`)).toBe(false);
    expect(looksLikeUploadToken(`afpu_${'A'.repeat(31)}=`)).toBe(false);
    expect(looksLikeUploadToken(`afp_${body}`)).toBe(false);
    expect(looksLikeUploadToken('')).toBe(false);
  });

  it('lives an hour unless asked, and a day at most', () => {
    expect(DEFAULT_TOKEN_TTL_SECONDS).toBe(3600);
    expect(MAX_TOKEN_TTL_SECONDS).toBe(86_400);
  });
});
