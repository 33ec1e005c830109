import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiGatewayManagementApiClient, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { managementApi } from '../../functions/adapters/management-api.ts';
import { useHandlerEnv } from '../helpers/process-env.ts';

/*
 * The @connections post sent without the SDK's command pipeline must be the request the SDK
 * would send (method, path with the connection id encoded, body) and signed for execute-api;
 * what API Gateway answers comes back as status, error type and message.
 */

interface Seen {
  method?: string;
  url?: string;
  headers: IncomingMessage['headers'];
  body: string;
}
const seen: Seen[] = [];
let answer: { status: number; headers?: Record<string, string>; body?: string } = { status: 200 };
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    seen.push({ method: req.method, url: req.url, headers: req.headers, body });
    res.writeHead(answer.status, answer.headers ?? {}).end(answer.body ?? '');
  });
});
let endpoint = '';
useHandlerEnv({ AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secretexample' });
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/prod`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const id = 'L0SM9cOFvHcCIhw=';
const data = Buffer.from('{"type":"job.status","status":"succeeded"}');

describe('managementApi', () => {
  it('sends the request the SDK sends for PostToConnection, signed with SigV4 for execute-api', async () => {
    seen.length = 0;
    answer = { status: 200 };
    await new ApiGatewayManagementApiClient({ endpoint }).send(new PostToConnectionCommand({ ConnectionId: id, Data: data }));
    expect(await managementApi(endpoint, {}).post(id, data)).toEqual({ statusCode: 200 });
    const [sdk, ours] = seen as [Seen, Seen];
    expect(ours.method).toBe(sdk.method);
    expect(ours.url).toBe(sdk.url);
    expect(ours.url).toBe('/prod/@connections/L0SM9cOFvHcCIhw%3D');
    expect(ours.body).toBe(sdk.body);
    expect(ours.headers['content-length']).toBe(String(data.length));
    expect(ours.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/execute-api\/aws4_request, SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*, Signature=[0-9a-f]{64}$/);
    expect(ours.headers.authorization).toContain('x-amz-date');
    expect(ours.headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
  });

  it("answers API Gateway's status, error type and message", async () => {
    answer = { status: 410, headers: { 'x-amzn-errortype': 'GoneException:http://internal.amazon.com/coral/' }, body: '{"message":"Connection is gone"}' };
    expect(await managementApi(endpoint, {}).post(id, data)).toEqual({ statusCode: 410, errorType: 'GoneException', message: 'Connection is gone' });
    answer = { status: 429, headers: { 'x-amzn-errortype': 'LimitExceededException' }, body: 'Rate exceeded' };
    expect(await managementApi(endpoint, {}).post(id, data)).toEqual({ statusCode: 429, errorType: 'LimitExceededException', message: 'Rate exceeded' });
  });
});
