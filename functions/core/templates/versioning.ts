/**
 * Versioning rules for templates. Version numbers start at 1 and grow by one per update;
 * a version, once written, never changes. Optimistic concurrency: an update names the
 * version it was made from (`If-Match`), and only an update made from the current version
 * may write the next one.
 */

/** The ETag of a template version: the version number, quoted (RFC 9110). */
export function etagFor(version: number): string {
  return `"${version}"`;
}

/**
 * The version an `If-Match` header names: `3`, `"3"` or `W/"3"` -> 3; absent or `*` ->
 * undefined (no precondition); anything else (or several tags) -> null, a bad request.
 */
export function parseIfMatch(header: string | undefined): number | undefined | null {
  if (header === undefined) return undefined;
  const value = header.trim();
  if (value === '' || value === '*') return undefined;
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(value);
  if (m === null) return null;
  const version = Number(m[1]);
  return version >= 1 ? version : null;
}

export type UpdatePlan = { ok: true; from: number; next: number } | { ok: false; current: number; reason: string };

/**
 * Whether an update may be written on top of `current`: with `expected` (If-Match) it must
 * equal the current version; without one the update is made from what was read. Either
 * way the store writes `next` only if the stored version is still `from`, so of two
 * concurrent updates from the same version exactly one wins.
 */
export function planUpdate(current: number, expected: number | undefined): UpdatePlan {
  if (expected !== undefined && expected !== current) {
    return { ok: false, current, reason: `If-Match names version ${expected}, but the template is at version ${current}; fetch it and apply your change again` };
  }
  return { ok: true, from: current, next: current + 1 };
}

/**
 * The versions missing from storage, given the current version and the versions found.
 * Only the current one can be missing (its item is written right after the head moves);
 * the store heals it from the head, which holds the current version's content.
 */
export function missingVersions(current: number, stored: readonly number[]): number[] {
  const have = new Set(stored);
  const missing: number[] = [];
  for (let v = 1; v <= current; v++) if (!have.has(v)) missing.push(v);
  return missing;
}
