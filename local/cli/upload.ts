import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ApiClient } from './api-client.ts';

interface CreatedSession {
  sessionId: string;
  partSize: number;
  partCount: number;
}

const CONTENT_TYPES: Record<string, string> = {
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  txt: 'text/plain',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  json: 'application/json',
};

/** What the browser would declare; the service sniffs the real type from the bytes anyway. */
export const guessContentType = (file: string) => CONTENT_TYPES[file.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';

/**
 * Upload a file the way a browser with Uppy does: open a session, sign parts in
 * batches, PUT them in parallel straight to S3, then complete (which starts the job).
 */
export async function uploadFile(
  api: ApiClient,
  file: string,
  opts: { schema?: string; options?: Record<string, string>; concurrency?: number; onProgress?: (sent: number, total: number) => void },
): Promise<{ sessionId: string; jobId: string }> {
  const { sessionId, parts } = await uploadParts(api, file, opts);
  const done = await api.post<{ jobId: string }>(`/v1/uploads/${sessionId}/complete`, {
    parts,
    ...(opts.schema ? { schema: opts.schema } : {}),
    ...(opts.options && Object.keys(opts.options).length ? { options: opts.options } : {}),
  });
  return { sessionId, jobId: done.jobId };
}

/** A session whose parts are all uploaded, not yet completed. */
export interface UploadedParts {
  sessionId: string;
  parts: { PartNumber: number; ETag: string }[];
  size: number;
}

/** Create an upload session and PUT every part, without completing it: the parts' ETags, for complete. */
export async function uploadParts(
  api: ApiClient,
  file: string,
  opts: { concurrency?: number; onProgress?: (sent: number, total: number) => void } = {},
): Promise<UploadedParts> {
  const { size } = await stat(file);
  const session = await api.post<CreatedSession>('/v1/uploads', { filename: basename(file), contentType: guessContentType(file), size });
  const handle = await open(file, 'r');
  const etags: { PartNumber: number; ETag: string }[] = [];
  let sent = 0;
  try {
    const numbers = Array.from({ length: session.partCount }, (_, i) => i + 1);
    for (let i = 0; i < numbers.length; i += 100) {
      const batch = numbers.slice(i, i + 100);
      const { urls } = await api.post<{ urls: { partNumber: number; url: string }[] }>(`/v1/uploads/${session.sessionId}/parts`, { partNumbers: batch });
      const queue = [...urls];
      const worker = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const start = (next.partNumber - 1) * session.partSize;
          const length = Math.min(session.partSize, size - start);
          const buf = Buffer.alloc(Math.max(0, length));
          if (length > 0) await handle.read(buf, 0, length, start);
          const res = await putWithRetry(next.url, buf);
          const etag = res.headers.get('etag');
          if (!etag) throw new Error(`S3 returned no ETag for part ${next.partNumber}; is ETag exposed by the bucket's CORS rules?`);
          etags.push({ PartNumber: next.partNumber, ETag: etag });
          sent += length;
          opts.onProgress?.(sent, size);
        }
      };
      await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? 4, urls.length) }, worker));
    }
  } catch (err) {
    // Leave nothing half-uploaded behind.
    await api.delete(`/v1/uploads/${session.sessionId}`).catch(() => undefined);
    throw err;
  } finally {
    await handle.close();
  }
  etags.sort((a, b) => a.PartNumber - b.PartNumber);
  return { sessionId: session.sessionId, parts: etags, size };
}

async function putWithRetry(url: string, body: Buffer, attempts = 3): Promise<Response> {
  let lastError: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      const res = await fetch(url, { method: 'PUT', body });
      if (res.ok) return res;
      lastError = new Error(`part upload failed: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
      if (res.status < 500) break;
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, 250 * 2 ** i));
  }
  throw lastError;
}
