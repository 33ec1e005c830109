import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveProcess } from '../helpers/stack.ts';
import { isLoopback, listeningSockets } from '../helpers/listening-sockets.ts';

/*
 * No server of the local stack checks who calls it (the S3, DynamoDB and SQS emulators take
 * any credentials), so each must listen on loopback only: a `serve` process, every thread
 * of it (dynalite and the Lambda workers run in threads of their own), listens nowhere else.
 */
describe.skipIf(process.platform !== 'linux')('a running `serve`', () => {
  let dataDir: string;
  let child: ChildProcess;
  let info: { httpUrl: string; wsUrl: string };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'afp-listen-'));
    ({ child, info } = await serveProcess(dataDir));
  });
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('listens on loopback only: the API, WebSocket, S3, DynamoDB, SQS and Step Functions servers', async () => {
    const sockets = await listeningSockets(child.pid!);
    // S3, DynamoDB, SQS, Step Functions, HTTP API, WebSocket API: the list is the real one, not empty
    expect(sockets.length).toBeGreaterThanOrEqual(6);
    const ports = sockets.map((s) => s.port);
    expect(ports).toContain(Number(new URL(info.httpUrl).port));
    expect(ports).toContain(Number(new URL(info.wsUrl).port));
    expect(sockets.filter((s) => !isLoopback(s.address))).toEqual([]);
  });
});
