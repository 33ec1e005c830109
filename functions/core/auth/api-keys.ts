import { createHash, randomBytes } from 'node:crypto';

export type Role = 'admin' | 'member' | 'viewer';
export const ROLES: readonly Role[] = ['admin', 'member', 'viewer'];

/** What a request is allowed to act as, resolved from its API key. */
export interface Principal {
  tenantId: string;
  role: Role;
  keyId: string;
  /** requests per second this key may make */
  rateLimitRps: number;
}

const PREFIX = 'afp_';

/** A new random API key. The plaintext is shown once; only its hash is stored. */
export function generateApiKey(): { apiKey: string; keyId: string } {
  const secret = randomBytes(24).toString('base64url');
  return { apiKey: `${PREFIX}${secret}`, keyId: secret.slice(0, 8) };
}

/** SHA-256 is enough here: keys are 192 random bits, so there is nothing to brute-force. */
export function hashApiKey(apiKey: string): string {
  return createHash('sha256').update(apiKey).digest('hex');
}

/** The key from `Authorization: Bearer <key>`, or undefined. */
export function bearerToken(authorization: string | undefined): string | undefined {
  // Stryker disable next-line ConditionalExpression: equivalent for false, an empty header fails the pattern below, and exec(undefined) reads the string 'undefined', which is no bearer token
  if (!authorization) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return match?.[1];
}

const RANK: Record<Role, number> = { viewer: 0, member: 1, admin: 2 };
/** True when `role` is at least `needed` (admin > member > viewer). */
export const hasRole = (role: Role, needed: Role) => RANK[role] >= RANK[needed];
