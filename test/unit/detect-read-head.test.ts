import { describe, expect, it } from 'vitest';
import { readHead } from '../../functions/core/detect/read-head.ts';

/** A source of `count` chunks of `size` bytes ('a', 'b', ...), counting the chunks pulled. */
function counted(count: number, size: number): { source: AsyncIterable<Buffer>; pulled: () => number } {
  let pulled = 0;
  async function* chunks(): AsyncGenerator<Buffer> {
    for (let i = 0; i < count; i++) {
      pulled++;
      yield Buffer.alloc(size, 0x61 + (i % 26));
    }
  }
  return { source: chunks(), pulled: () => pulled };
}

describe('readHead', () => {
  it('reads 64 KiB by default', async () => {
    const { source, pulled } = counted(100, 1000);
    const head = await readHead(source);
    expect(head.length).toBe(64 * 1024);
    expect(pulled()).toBe(66);
  });

  it('stops at the chunk that reaches the size exactly, without pulling another', async () => {
    const { source, pulled } = counted(10, 1000);
    const head = await readHead(source, 2000);
    expect(head.toString()).toBe('a'.repeat(1000) + 'b'.repeat(1000));
    expect(pulled()).toBe(2);
  });

  it('reads nothing for a size of 0 or less', async () => {
    for (const n of [0, -1]) {
      const { source, pulled } = counted(3, 10);
      expect((await readHead(source, n)).length).toBe(0);
      expect(pulled()).toBe(0);
    }
  });

  it('takes string chunks and views into larger buffers as their own bytes', async () => {
    const backing = Buffer.from('XXXXName,PhoneYYYY');
    async function* chunks(): AsyncGenerator<Uint8Array | string> {
      yield new Uint8Array(backing.buffer, backing.byteOffset + 4, 10);
      yield '\nAda,555';
    }
    expect((await readHead(chunks(), 100)).toString()).toBe('Name,Phone\nAda,555');
  });

  it('returns a short source whole, with no padding', async () => {
    const { source } = counted(2, 3);
    expect((await readHead(source, 100)).toString()).toBe('aaabbb');
  });
});
