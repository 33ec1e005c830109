import { describe, expect, it } from 'vitest';
import { deriveValue, namePart } from '../../functions/core/records/derive.ts';
import type { FieldDerivation } from '../../functions/core/schemas/schema-types.ts';

describe('namePart', () => {
  it('splits "Last, First" at the comma and trims both sides', () => {
    expect(namePart('Doe , Jane', 'last')).toBe('Doe');
    expect(namePart('Doe,  Jane ', 'first')).toBe('Jane');
  });

  it('gives nothing for an empty side of the comma', () => {
    expect(namePart('Doe,', 'first')).toBeUndefined();
    expect(namePart('Doe, ', 'first')).toBeUndefined();
    expect(namePart('Doe,', 'last')).toBe('Doe');
  });

  it('does not take a comma at the very start for "Last, First"', () => {
    expect(namePart(',Jane', 'first')).toBe(',Jane');
    expect(namePart(',Jane', 'last')).toBeUndefined();
  });

  it('splits "First Middle Last" on runs of white space: the first word, then the rest', () => {
    expect(namePart('  Jane \t Mary   Doe ', 'first')).toBe('Jane');
    expect(namePart('  Jane \t Mary   Doe ', 'last')).toBe('Mary Doe');
  });

  it('gives a single word as the first name and no last name', () => {
    expect(namePart(' Jane ', 'first')).toBe('Jane');
    expect(namePart(' Jane ', 'last')).toBeUndefined();
  });

  it('gives nothing for a blank name', () => {
    expect(namePart('   ', 'first')).toBeUndefined();
    expect(namePart('', 'last')).toBeUndefined();
  });
});

describe('deriveValue', () => {
  it('joins the non-empty parts with one space, and gives nothing when all are empty', () => {
    const join: FieldDerivation = { kind: 'join', from: ['first_name', 'last_name'] };
    expect(deriveValue(join, { first_name: 'Jane', last_name: 'Doe' })).toBe('Jane Doe');
    expect(deriveValue(join, { first_name: '', last_name: 'Doe' })).toBe('Doe');
    expect(deriveValue(join, { first_name: 7, last_name: 'Doe' })).toBe('Doe');
    expect(deriveValue(join, { first_name: '' })).toBeUndefined();
  });

  it('reads a name part only from a string', () => {
    const first: FieldDerivation = { kind: 'name_part', from: 'full_name', part: 'first' };
    expect(deriveValue(first, { full_name: 'Doe, Jane' })).toBe('Jane');
    expect(deriveValue(first, { full_name: 42 })).toBeUndefined();
  });

  it('reads a company domain only from a string e-mail', () => {
    const domain: FieldDerivation = { kind: 'domain_from_email', from: 'email' };
    expect(deriveValue(domain, { email: 'jane@acme-widgets.com' })).toBe('acme-widgets.com');
    expect(deriveValue(domain, { email: 12 })).toBeUndefined();
  });
});
