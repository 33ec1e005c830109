import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyText } from '../../functions/core/detect/classify-text.ts';
import { parseDelimitedRows, type ParsedRow } from '../../functions/core/parse/delimited-rows.ts';
import { inChunks } from '../helpers/byte-chunks.ts';

// csv-spectrum ships its cases as files: csvs/<name>.csv and json/<name>.json.
const root = dirname(createRequire(import.meta.url).resolve('csv-spectrum/package.json'));
const names = readdirSync(join(root, 'csvs'))
  .filter((f) => f.endsWith('.csv'))
  .map((f) => f.slice(0, -4))
  .sort();

/**
 * Known errata in csv-spectrum's expected JSON, each checked against the CSV bytes:
 * location_coordinates.json gives the phone number as "1234567890" while the CSV holds
 * 2095257564 (and is an object, not an array, of records).
 */
const ERRATA: Record<string, Record<string, string>> = {
  location_coordinates: { 'Contact Phone Number': '2095257564' },
};

async function parseCase(bytes: Buffer, chunkSize: number): Promise<Record<string, string>[]> {
  const c = classifyText(bytes, { size: bytes.length });
  const stream = parseDelimitedRows(inChunks(bytes, chunkSize), { encoding: c.encoding, delimiter: c.delimiter!, headerRow: c.headerRow });
  const rows: ParsedRow[] = [];
  for await (const batch of stream) rows.push(...batch.rows);
  const headers = stream.stats.headers!;
  return rows.map((r) => {
    expect(r.error).toBeUndefined();
    return Object.fromEntries(headers.map((h, i) => [h, r.cells[i]!]));
  });
}

describe('csv-spectrum', () => {
  it('has its cases where the test looks for them', () => {
    expect(names.length).toBeGreaterThanOrEqual(12);
    expect(names).toContain('newlines_crlf');
  });

  it.each(names)('parses %s to the expected records (detected dialect, chunked input)', async (name) => {
    const bytes = readFileSync(join(root, 'csvs', `${name}.csv`));
    const parsed: unknown = JSON.parse(readFileSync(join(root, 'json', `${name}.json`), 'utf8'));
    const expected = (Array.isArray(parsed) ? parsed : [parsed]) as Record<string, string>[];
    const fixed = expected.map((r) => ({ ...r, ...(ERRATA[name] ?? {}) }));
    for (const size of [bytes.length, 7, 1]) {
      expect(await parseCase(bytes, size)).toEqual(fixed);
    }
  });
});
