import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/* Plumbing shared by the local stack's own HTTP servers (API Gateway adapters, Step Functions endpoint, the fake Anthropic API). */

/**
 * Read a request body up to `limit` bytes. Past the limit it keeps draining (so the client
 * finishes sending and can read the answer) and resolves undefined.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  return size > limit ? undefined : Buffer.concat(chunks);
}

export async function listen(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

/** Stop listening and drop keep-alive sockets, so a test process can exit. */
export async function closeServer(server: Server): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
