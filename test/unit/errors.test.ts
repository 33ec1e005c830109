import { describe, expect, it } from 'vitest';
import * as errors from '../../functions/core/errors.ts';
import { DomainError, EmptyFileError, assertIsError, loggable, messageOf, nameOf } from '../../functions/core/errors.ts';

describe('domain errors', () => {
  it('carry their class name as the error type a job and Step Functions show', () => {
    const classes = Object.entries(errors).filter(([, value]) => typeof value === 'function' && value.prototype instanceof Error);
    expect(classes.length).toBeGreaterThan(10);
    for (const [exported, ErrorClass] of classes as [string, typeof DomainError][]) {
      const error = new ErrorClass('what went wrong');
      expect(error.name).toBe(exported);
      expect(error.message).toBe('what went wrong');
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toBeInstanceOf(Error);
    }
  });

  it('keep the error they were raised for as the cause', () => {
    const cause = new RangeError('inner');
    expect(new EmptyFileError('outer', { cause }).cause).toBe(cause);
    expect(new EmptyFileError('outer').cause).toBeUndefined();
  });
});

describe('assertIsError', () => {
  it('passes an Error, of any class', () => {
    expect(() => assertIsError(new TypeError('x'))).not.toThrow();
    expect(() => assertIsError(new EmptyFileError('x'))).not.toThrow();
  });

  it('throws for anything else, naming what was thrown', () => {
    expect(() => assertIsError('boom')).toThrow(new Error('Expected an Error, got boom'));
    expect(() => assertIsError(undefined)).toThrow(new Error('Expected an Error, got undefined'));
    expect(() => assertIsError({ message: 'looks like one' })).toThrow(new Error('Expected an Error, got [object Object]'));
  });
});

describe('what a catch logs', () => {
  it('is the Error itself, or the text of anything else', () => {
    const error = new EmptyFileError('empty');
    expect(loggable(error)).toBe(error);
    expect(loggable('text')).toBe('text');
    expect(loggable(42)).toBe('42');
    expect(loggable(null)).toBe('null');
  });

  it('reads a message from an Error or the text of anything else', () => {
    expect(messageOf(new EmptyFileError('empty'))).toBe('empty');
    expect(messageOf('text')).toBe('text');
    expect(messageOf(7)).toBe('7');
  });

  it('reads a name without the message: the class of an Error, else the type thrown', () => {
    expect(nameOf(new EmptyFileError('secret'))).toBe('EmptyFileError');
    expect(nameOf(new TypeError('secret'))).toBe('TypeError');
    expect(nameOf('secret')).toBe('string');
    expect(nameOf(undefined)).toBe('undefined');
    expect(nameOf({ name: 'Fake' })).toBe('object');
  });
});
