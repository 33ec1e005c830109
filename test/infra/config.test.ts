import { describe, expect, it } from 'vitest';
import { ConfigError, parseAlarmEmail, parseAllowedOrigins, parseStage, parseTracing } from '../../lib/config.ts';

describe('parseStage', () => {
  it('accepts short lower-case DNS-safe names', () => {
    for (const stage of ['dev', 'prod', 'pr-123', 'eu1']) expect(parseStage(stage)).toBe(stage);
  });

  it('rejects a missing stage instead of guessing one', () => {
    expect(() => parseStage(undefined)).toThrow(ConfigError);
  });

  it.each(['', 'd', 'Dev', '1dev', 'dev_1', 'dev.1', 'a-very-long-stage-name', 'dev ', 42])(
    'rejects %j',
    (stage) => {
      expect(() => parseStage(stage)).toThrow(/Invalid stage/);
    },
  );
});

describe('parseAllowedOrigins', () => {
  it('splits a comma-separated --context value', () => {
    expect(parseAllowedOrigins('https://a.example.com, http://localhost:5173')).toEqual([
      'https://a.example.com',
      'http://localhost:5173',
    ]);
  });

  it('takes a JSON array from cdk.json and "*" for any origin', () => {
    expect(parseAllowedOrigins(['*'])).toEqual(['*']);
  });

  it.each([undefined, '', [], 'example.com', 'https://a.example.com/app', ['https://ok.example', 3]])(
    'rejects %j',
    (raw) => {
      expect(() => parseAllowedOrigins(raw)).toThrow(ConfigError);
    },
  );
});

describe('parseAlarmEmail', () => {
  it('takes one address, or none when absent or empty', () => {
    expect(parseAlarmEmail(' oncall@example.com ')).toBe('oncall@example.com');
    expect(parseAlarmEmail(undefined)).toBeUndefined();
    expect(parseAlarmEmail('')).toBeUndefined();
  });

  it.each(['oncall', 'a@b', 'a@b.com,c@d.com', 42])('rejects %j', (raw) => {
    expect(() => parseAlarmEmail(raw)).toThrow(/Invalid alarmEmail/);
  });
});

describe('parseTracing', () => {
  it('is off when absent, and takes true or false from cdk.json or --context', () => {
    expect(parseTracing(undefined)).toBe(false);
    expect(parseTracing(false)).toBe(false);
    expect(parseTracing('false')).toBe(false);
    expect(parseTracing(true)).toBe(true);
    expect(parseTracing('true')).toBe(true);
  });

  it.each(['yes', 'on', '1', 1, 'TRUE', ''])('rejects %j instead of deploying without the traces asked for', (raw) => {
    expect(() => parseTracing(raw)).toThrow(/Invalid tracing/);
  });
});
