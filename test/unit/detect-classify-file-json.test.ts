import { describe, expect, it } from 'vitest';
import { classifyFile, type FileBytes } from '../../functions/core/detect/classify-file.ts';
import { MAX_JSON_RECORD_CHARS } from '../../functions/core/parse/json-rows.ts';

const HEAD = 256 * 1024;

describe('classifyFile: reading further for a long JSON record', () => {
  const doc = Buffer.from(JSON.stringify([{ note: 'x'.repeat(300 * 1024), number: '+14155550100' }, { number: '+14155550101' }]));

  function reading(buf: Buffer): FileBytes & { asked: number[] } {
    const asked: number[] = [];
    return { asked, head: buf.subarray(0, HEAD), readAll: () => Promise.resolve(buf), readHead: (n) => (asked.push(n), Promise.resolve(buf.subarray(0, n))) };
  }

  it('asks for the whole of a file shorter than a longest record', async () => {
    const b = reading(doc);
    expect(await classifyFile(b, { size: doc.length })).toMatchObject({ format: 'json', headers: ['note', 'number'], rowEstimate: 2 });
    expect(b.asked).toEqual([doc.length]);
  });

  it('asks a longer file for a longest record in four-byte characters and the start of the next line', async () => {
    const b = reading(doc);
    const size = 10 * 1024 * 1024;
    const c = await classifyFile(b, { size });
    expect(b.asked).toEqual([MAX_JSON_RECORD_CHARS * 4 + 64 * 1024]);
    // the longer head is still only a part of the file: its two records scaled to the size
    expect(c).toMatchObject({ format: 'json', headers: ['note', 'number'], rowEstimate: Math.round((2 * size) / doc.length) });
  });
});
