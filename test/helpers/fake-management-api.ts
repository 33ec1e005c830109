import type { ManagementApi, PostAnswer } from '../../functions/adapters/management-api.ts';

/*
 * The @connections edge for unit tests: every post recorded, answered 200 unless a test has
 * queued another answer (or an error, e.g. a timeout) for the next ones. Used with
 *   vi.mock('../../functions/adapters/management-api.ts', () => fakeManagementApiModule);
 */

const posts: { connectionId: string; data: Uint8Array }[] = [];
const queued: (PostAnswer | Error)[] = [];

export const fakeManagementApi = {
  /** Forget what was posted and what was queued. */
  reset(): void {
    posts.length = 0;
    queued.length = 0;
  },
  /** The next posts answer these, in order (an Error is thrown, as a timeout is); then 200 again. */
  answerNext(...answers: (PostAnswer | Error)[]): void {
    queued.push(...answers);
  },
  /** The connection of each post so far, in order. */
  postedTo: (): string[] => posts.map((p) => p.connectionId),
  /** Each post's message, parsed. */
  postedMessages: (): Record<string, unknown>[] => posts.map((p) => JSON.parse(Buffer.from(p.data).toString()) as Record<string, unknown>),
};

const client: ManagementApi = {
  async post(connectionId, data) {
    posts.push({ connectionId, data });
    const answer = queued.shift();
    if (answer instanceof Error) throw answer;
    return answer ?? { statusCode: 200 };
  },
};

export const fakeManagementApiModule = { managementApi: (): ManagementApi => client };
