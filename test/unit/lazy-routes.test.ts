import { describe, expect, it } from 'vitest';
import { lazyRoutes } from '../../functions/shared/http/lazy-routes.ts';
import type { ApiRequest } from '../../functions/shared/http/api.ts';
import type { HttpResult } from '../../functions/shared/http/responses.ts';

/*
 * A route group of an API function is loaded by its first request, once per container
 * (functions/shared/http/lazy-routes.ts): building the route table loads nothing.
 */
const request = (id: string) => ({ params: { id } }) as unknown as ApiRequest;
const answer = (body: string): HttpResult => ({ statusCode: 200, body });

describe('lazyRoutes', () => {
  it('loads a group on the first request that needs it, once, and calls the named route with the request', async () => {
    let loads = 0;
    const group = lazyRoutes(async () => {
      loads++;
      return { read: async (req: ApiRequest) => answer(`read ${req.params.id}`), write: async (req: ApiRequest) => answer(`write ${req.params.id}`) };
    });
    const read = group('read');
    const write = group('write');
    expect(loads).toBe(0);
    const [a, b] = await Promise.all([read(request('1')), write(request('2'))]);
    expect([a.body, b.body]).toEqual(['read 1', 'write 2']);
    await read(request('3'));
    expect(loads).toBe(1);
  });

  it('loads the group again after a failed load, so one failure does not fail every later request', async () => {
    let loads = 0;
    const group = lazyRoutes(async () => {
      loads++;
      if (loads === 1) throw new Error('chunk unreadable');
      return { read: async (_req: ApiRequest) => answer('ok') };
    });
    const read = group('read');
    await expect(read(request('1'))).rejects.toThrow('chunk unreadable');
    expect((await read(request('2'))).body).toBe('ok');
    expect(loads).toBe(2);
  });
});
