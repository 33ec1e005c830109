import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { ApiClient } from '../local/cli/api-client.ts';

/*
 * The bench's upload client (see pipeline-child.ts): creates an upload session on the
 * stack at argv[2] and PUTs every part of the file argv[3] to its presigned URLs, four at
 * a time, without completing; prints { sessionId, parts, size } as JSON. The API key
 * comes in AFP_API_KEY.
 */
const [stackUrl, file] = process.argv.slice(2);
if (!stackUrl || !file || !process.env.AFP_API_KEY) throw new Error('usage: upload-parts <stack url> <file> (AFP_API_KEY set)');
const api = new ApiClient(stackUrl, process.env.AFP_API_KEY);
const { size } = await stat(file);
const session = await api.post<{ sessionId: string; partSize: number; partCount: number }>('/v1/uploads', { filename: basename(file), contentType: 'text/csv', size });
const numbers = Array.from({ length: session.partCount }, (_, i) => i + 1);
const parts: { PartNumber: number; ETag: string }[] = [];
const handle = await open(file, 'r');
try {
  for (let i = 0; i < numbers.length; i += 100) {
    const { urls } = await api.post<{ urls: { partNumber: number; url: string }[] }>(`/v1/uploads/${session.sessionId}/parts`, { partNumbers: numbers.slice(i, i + 100) });
    const queue = [...urls];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const start = (next.partNumber - 1) * session.partSize;
        const buf = Buffer.alloc(Math.min(session.partSize, size - start));
        await handle.read(buf, 0, buf.length, start);
        const res = await fetch(next.url, { method: 'PUT', body: buf });
        if (!res.ok) throw new Error(`part ${next.partNumber}: HTTP ${res.status}`);
        parts.push({ PartNumber: next.partNumber, ETag: res.headers.get('etag') ?? '' });
      }
    };
    await Promise.all(Array.from({ length: Math.min(4, urls.length) }, worker));
  }
} finally {
  await handle.close();
}
parts.sort((a, b) => a.PartNumber - b.PartNumber);
process.stdout.write(JSON.stringify({ sessionId: session.sessionId, parts, size }));
