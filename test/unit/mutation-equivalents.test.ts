import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const lister = join(import.meta.dirname, '..', 'mutation', 'equivalents.mjs');

describe('the equivalent-mutant marks in the core', () => {
  it('each disables named StrykerJS mutators on one line and gives its reason', () => {
    const run = spawnSync(process.execPath, [lister], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('functions/core/enrich/money.ts');
  });
});
