import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { startLocalWebSocketApi, type LocalWebSocketApi } from '../../local/apigateway/websocket-api.ts';
import { ENV } from '../../functions/shared/env-names.ts';
import { useHandlerEnv } from '../helpers/process-env.ts';

/*
 * The poster the fan-out and the ws function share, against the local WebSocket API alone
 * (no function behind it but one that accepts every connection): what a crowd's posts cost
 * the client, and what becomes of a post that gets no answer.
 */

let api: LocalWebSocketApi;
const connected: string[] = [];
const clients: { socket: WebSocket; heard: string[] }[] = [];
useHandlerEnv({ [ENV.connectionsTable]: 'connections' });
beforeAll(async () => {
  api = await startLocalWebSocketApi({
    routes: ['$connect', '$default'],
    loadHandler: async () => async (event) => {
      if (event.requestContext.routeKey === '$connect') connected.push(event.requestContext.connectionId);
      return { statusCode: 200 };
    },
  });
  process.env[ENV.wsManagementEndpoint] = api.managementEndpoint;
  // 40 clients whose posts never answer, opened last (their ids are connected[3..])
  for (const userAgent of ['afp-a', 'afp-b', 'afp-stuck', ...Array.from({ length: 40 }, () => 'afp-stuck-for-good')]) {
    const socket = new WebSocket(api.url, { headers: { 'user-agent': userAgent } });
    const client = { socket, heard: [] as string[] };
    socket.on('message', (data: WebSocket.RawData) => client.heard.push(String(data)));
    await new Promise((resolve) => socket.once('open', resolve));
    clients.push(client);
  }
});
afterAll(async () => {
  delete process.env.LOCAL_WS_POST_FAULTS;
  for (const c of clients) c.socket.terminate();
  await api?.close();
});

describe('postToConnections', () => {
  it("posts without running the SDK's command pipeline for each post", async () => {
    const { postToConnections } = await import('../../functions/adapters/connection-poster.ts');
    const resolveMiddleware = vi.spyOn(PostToConnectionCommand.prototype, 'resolveMiddleware');
    try {
      for (let i = 0; i < 5; i++) expect(await postToConnections(connected.slice(0, 2), { n: i })).toEqual(['sent', 'sent']);
      expect(clients[0]!.heard).toEqual([0, 1, 2, 3, 4].map((n) => JSON.stringify({ n })));
      // the pipeline (endpoint rules, retry bookkeeping, serde, user agent) was about two thirds of a post's CPU
      expect(resolveMiddleware).not.toHaveBeenCalled();
    } finally {
      resolveMiddleware.mockRestore();
    }
  });

  it('tries a status once more when its post timed out, and only then', async () => {
    const { postToConnections } = await import('../../functions/adapters/connection-poster.ts');
    // the stuck client's next post gets no answer; the one after goes through
    process.env.LOCAL_WS_POST_FAULTS = JSON.stringify([{ userAgent: 'afp-stuck', fault: 'hang', times: 1 }]);
    const stuck = clients[2]!;
    expect(await postToConnections([connected[2]!], { type: 'job.progress' })).toEqual(['timed-out']);
    expect(stuck.heard).toEqual([]);
    process.env.LOCAL_WS_POST_FAULTS = JSON.stringify([{ userAgent: 'afp-stuck', fault: 'hang', times: 2 }]);
    expect(await postToConnections(connected.slice(0, 3), { type: 'job.status' }, { retryTimedOut: true })).toEqual(['sent', 'sent', 'sent']);
    expect(stuck.heard).toEqual([JSON.stringify({ type: 'job.status' })]);
  }, 20_000);

  it("answers one client's message at once while 40 replies to others hang", async () => {
    const { postToConnection, REPLY } = await import('../../functions/adapters/connection-poster.ts');
    process.env.LOCAL_WS_POST_FAULTS = JSON.stringify([{ userAgent: 'afp-stuck-for-good', fault: 'hang' }]);
    // 40 subscribes in one container wait on their replies (the ws function's posts)...
    const hanging = connected.slice(3).map((id) => postToConnection(id, Buffer.from('{"type":"subscribed"}'), REPLY));
    // ...and another client's reply does not queue behind them for a socket (it timed out there)
    const started = Date.now();
    expect(await postToConnection(connected[0]!, Buffer.from('{"type":"subscribed","n":1}'), REPLY)).toBe('sent');
    expect(Date.now() - started).toBeLessThan(4000);
    expect(await Promise.all(hanging)).toEqual(Array.from({ length: 40 }, () => 'timed-out'));
  }, 30_000);
});
