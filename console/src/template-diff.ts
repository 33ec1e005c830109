/*
 * What changed between two versions of a template, field by field: a field only in the newer
 * one was added, only in the older one removed, and a field whose columns or transforms
 * differ was changed. Plain TypeScript, unit-tested without a browser.
 */

export interface VersionField {
  field: string;
  sourceHeaders: string[];
  transforms?: unknown[];
}

export interface FieldChange {
  field: string;
  change: 'added' | 'removed' | 'changed' | 'same';
  /** how each version fills the field ("Date + Time", with its transforms), or null where it does not */
  before: string | null;
  after: string | null;
}

/** A field as a person reads it: its columns joined by +, then its transforms. */
export function describeField(f: VersionField): string {
  const columns = f.sourceHeaders.join(' + ') || '(no column)';
  return f.transforms?.length ? `${columns}, then ${f.transforms.map((t) => JSON.stringify(t)).join(', ')}` : columns;
}

/** Every field of either version, in the newer version's order and then the removed ones. */
export function diffTemplateFields(before: VersionField[], after: VersionField[]): FieldChange[] {
  const old = new Map(before.map((f) => [f.field, describeField(f)]));
  const changes: FieldChange[] = after.map((f) => {
    const now = describeField(f);
    const was = old.get(f.field) ?? null;
    return { field: f.field, change: was === null ? 'added' : was === now ? 'same' : 'changed', before: was, after: now };
  });
  const kept = new Set(after.map((f) => f.field));
  for (const f of before) if (!kept.has(f.field)) changes.push({ field: f.field, change: 'removed', before: old.get(f.field)!, after: null });
  return changes;
}
