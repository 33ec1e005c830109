import { randomFillSync, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Context } from 'aws-lambda';

/*
 * Every request needs a few random ids. One system call per id costs ~8 us here (a VM),
 * a tenth of the gateway's own work per request; randomUUID() already draws from a
 * cache, and these do the same: one call fills 4 KiB, enough for ~180 requests.
 */
const pool = Buffer.alloc(4096);
let poolUsed = pool.length;

/** n random bytes (1 <= n <= 256) from the pool, encoded at once: the pool is reused. */
export function randomText(n: number, encoding: 'hex' | 'base64url'): string {
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new RangeError(`randomText takes 1 to 256 bytes, not ${n}`);
  if (poolUsed + n > pool.length) {
    randomFillSync(pool);
    poolUsed = 0;
  }
  poolUsed += n;
  return pool.toString(encoding, poolUsed - n, poolUsed);
}

/** API Gateway's ids (requestId, connectionId) look like `L0SM9cOFvHcCIhw=`: 11 random bytes, base64. */
export function newGatewayId(): string {
  return `${randomText(11, 'base64url').slice(0, 15)}=`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** requestContext.time / requestTime: `12/Mar/2020:19:03:58 +0000` */
export function formatRequestTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

export function sourceIpOf(req: IncomingMessage): string {
  return (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
}

/** A container's log stream is named once, when it starts; here, per function. */
const logStreams = new Map<string, string>();
function logStreamOf(functionName: string): string {
  let name = logStreams.get(functionName);
  if (name === undefined) {
    name = `${new Date().toISOString().slice(0, 10).replaceAll('-', '/')}/[$LATEST]${randomText(16, 'hex')}`;
    logStreams.set(functionName, name);
  }
  return name;
}

/** A Lambda context as the Node.js runtime builds it; the deadline drives getRemainingTimeInMillis. */
export function lambdaContext(functionName: string, timeoutMs: number, region = 'us-east-1', accountId = '000000000000'): Context {
  const deadline = Date.now() + timeoutMs;
  const unsupported = (): never => {
    throw new Error('context.done/succeed/fail are not supported; return or throw from an async handler');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:${accountId}:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: logStreamOf(functionName),
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}

/** Collapse raw header pairs: names lower-cased, repeats joined with commas (API Gateway v2). */
export function joinHeaders(rawHeaders: string[], lowerCase: boolean): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = lowerCase ? rawHeaders[i]!.toLowerCase() : rawHeaders[i]!;
    const value = rawHeaders[i + 1]!;
    headers[name] = headers[name] === undefined ? value : `${headers[name]},${value}`;
  }
  return headers;
}
