import { describe, expect, it } from 'vitest';
import '../../functions/core/zod-mini.ts';
import * as z from 'zod/mini';

describe('zod/mini set-up', () => {
  it('gives English messages, as classic zod does, so a 400 reads the same in every function', () => {
    const result = z.safeParse(z.object({ size: z.number() }), { size: 'big' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Invalid input: expected number, received string');
  });
});
