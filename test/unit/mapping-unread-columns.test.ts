import { describe, expect, it } from 'vitest';
import { normalizeHeader } from '../../functions/core/map/normalize-header.ts';
import { suggestMapping } from '../../functions/core/map/suggest-mapping.ts';
import { headerIsKnown, unreadColumns } from '../../functions/core/map/unread-columns.ts';
import { BUILTIN_SCHEMAS, getSchema } from '../../functions/core/schemas/registry.ts';
import type { SchemaDefinition } from '../../functions/core/schemas/schema-types.ts';

/**
 * A filled column whose header the mapper cannot read at all holds the layout for a person:
 * it may be a field written in words nobody gave the mapper. A column whose header names
 * something that is no field (an id, a status, notes) does not.
 */

const contact = getSchema('contact');
const builtins = [...BUILTIN_SCHEMAS.values()];
const known = (header: string, schemas: readonly SchemaDefinition[] = builtins) => headerIsKnown(normalizeHeader(header), schemas);

// headers in Cherokee syllables: a script no lexicon holds, as a language nobody wrote words for
const UNREADABLE = 'ᏧᏂᎸᏫᏍᏓᏁᎯ';

describe('headerIsKnown', () => {
  it('knows a header by one word of a field term or of a header that names no field', () => {
    expect(known('Mobile phone (work)')).toBe(true);
    expect(known('Record status')).toBe(true);
    expect(known('Internal notes')).toBe(true);
    expect(known(UNREADABLE)).toBe(false);
    expect(known(`${UNREADABLE} ᎠᏍᎦᏯ`)).toBe(false);
  });

  it('knows a compound by the known word that ends it, but not by a short one', () => {
    expect(known('Kundenstatus')).toBe(true); // ends with "status"
    expect(known('Xyzzystatus')).toBe(true);
    expect(known('Xyzzyno')).toBe(false); // "no" is too short to end a compound
    expect(known('Qfax')).toBe(false); // and so is "fax", three letters
    expect(known('Qnote')).toBe(true); // four letters end one
  });

  it('finds terms inside headers of scripts written without spaces', () => {
    expect(known('担当者メモ')).toBe(true);
    expect(known('ᏧᏂᎸᏫ担当者')).toBe(true);
    expect(known('ᏧᏂᎸᏫ')).toBe(false);
  });

  it('knows a plural of a known word', () => {
    expect(known('Departments')).toBe(true);
    expect(known('ᏧᏂᎸᏫs')).toBe(false);
  });

  it('reads no single character of an unspaced script, and no short word of a longer term', () => {
    expect(known('ᏧᏂ名ᏧᏂ')).toBe(false); // 名 is a whole term, one character long
    expect(known('ᏧᏂ at')).toBe(false); // "at" only in terms such as "ended at"
    expect(known('ᏧᏂ ng')).toBe(false);
  });

  it('knows the time-of-day words a date column pairs with, from the schema that has them', () => {
    expect(known('Klokkan')).toBe(true); // Faroese "time", a call record's time of day only
    expect(known('Klokkan', [contact])).toBe(false);
  });

  it('an empty header says nothing to read', () => {
    expect(known('')).toBe(true);
  });

  it('a custom schema brings its own words', () => {
    const custom: SchemaDefinition = { ...contact, name: 'tenant_gear', fields: [{ name: 'torque_rating', type: 'string', required: false, synonyms: ['Drehmoment'], description: '' }] };
    expect(known('Drehmoment', [custom])).toBe(true);
    expect(known('Drehmoment', builtins)).toBe(false);
  });
});

describe('unreadColumns', () => {
  const headers = ['Email', UNREADABLE, 'Notes', `${UNREADABLE} 2`, `${UNREADABLE} 3`];
  const rows = [
    ['a@x.example', 'ᎠᏍᎦᏯ', 'called', '', 'x'],
    ['b@x.example', 'ᎠᎨᏯ', '', '', 'y'],
  ];
  const columnValues = (c: number) => rows.map((r) => r[c] ?? '');
  const run = (used: number[]) => unreadColumns({ headers, normalized: headers.map(normalizeHeader), columnValues, usedColumns: new Set(used), schema: contact });

  it('lists filled, unused columns whose header nothing reads', () => {
    expect(run([0])).toEqual([1, 4]);
  });

  it('lists a column filled on one row of several', () => {
    const partly = unreadColumns({ headers: [UNREADABLE], normalized: [normalizeHeader(UNREADABLE)], columnValues: () => ['', 'ᎠᏍᎦᏯ', ''], usedColumns: new Set(), schema: contact });
    expect(partly).toEqual([0]);
  });

  it('leaves out the columns a field took and the empty ones', () => {
    expect(run([0, 1, 4])).toEqual([]);
    expect(run([0]).includes(3)).toBe(false);
  });
});

describe('the layout is held for a person', () => {
  const headers = ['First name', 'Last name', 'Email', UNREADABLE];
  const rows = [
    ['Anna', 'Berg', 'anna.berg@northwind.example', 'Ꮣ Ꮭ'],
    ['John', 'Smith', 'john.smith@northwind.example', 'Ꮳ Ꮴ'],
    ['Mia', 'Ford', 'mia.ford@northwind.example', 'Ꮵ Ꮶ'],
  ];

  it('when a filled column cannot be read: needs_mapping, with the column named in a warning', () => {
    const m = suggestMapping(headers, rows, contact);
    expect(m.status).toBe('needs_mapping');
    const warning = m.warnings?.find((w) => w.code === 'unread_columns');
    expect(warning?.count).toBe(1);
    expect(warning?.message).toContain(`"${UNREADABLE}"`);
  });

  it('not when the same column is empty, or its header names no field', () => {
    expect(suggestMapping(headers, rows.map((r) => [...r.slice(0, 3), '']), contact).status).toBe('mapped');
    expect(suggestMapping([...headers.slice(0, 3), 'Comments'], rows, contact).status).toBe('mapped');
    // a name written with inner capitals is one word
    expect(suggestMapping([...headers.slice(0, 3), 'LinkedIn'], rows, contact).status).toBe('mapped');
  });
});
