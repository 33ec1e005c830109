/**
 * List cursors: the LastEvaluatedKey DynamoDB returned, as base64url JSON, handed back by
 * the client as it came. Before one reaches DynamoDB it is checked to be such a key: the
 * table's two key attributes and nothing else, string values, the caller's own tenant and,
 * where one table holds several kinds of item, a sort key of the kind being listed. A
 * forged or stale cursor is then a 400, never another tenant's page or another list's.
 */

export class InvalidCursorError extends Error {
  constructor() {
    super('cursor is not one this API returned');
    this.name = 'InvalidCursorError';
  }
}

export const encodeCursor = (key: Record<string, unknown> | undefined): string | null =>
  key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null;

/**
 * The start key a cursor stands for, or undefined without one. `sortKey` names the table's
 * sort key attribute (its partition key is always tenantId); `sortPrefix` is what its value
 * starts with for the items this list holds.
 */
export function decodeCursor(cursor: string | undefined, tenantId: string, sortKey: string, sortPrefix = ''): Record<string, string> | undefined {
  if (!cursor) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!isRecord(key)) throw new InvalidCursorError();
  const names = Object.keys(key).sort();
  const expected = ['tenantId', sortKey].sort();
  const sort = key[sortKey];
  if (names.join('\n') !== expected.join('\n') || key.tenantId !== tenantId || typeof sort !== 'string' || !sort.startsWith(sortPrefix)) {
    throw new InvalidCursorError();
  }
  return key as Record<string, string>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
