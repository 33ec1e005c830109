// One local "Lambda sandbox" for heavy pipeline handlers (see lambda-workers.ts): a worker
// thread that loads handlers through tsx and runs one invocation at a time.
import { parentPort } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const handlers = new Map();

parentPort.on('message', async ({ id, entry, input }) => {
  try {
    let handler = handlers.get(entry);
    if (!handler) {
      ({ handler } = await import(pathToFileURL(entry).href));
      handlers.set(entry, handler);
    }
    parentPort.postMessage({ id, result: await handler(input) });
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    parentPort.postMessage({ id, error: { name: e.name, message: e.message, stack: e.stack } });
  }
});
