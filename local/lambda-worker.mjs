// One local "Lambda sandbox" for the pipeline handlers that read files (see lambda-workers.ts):
// a worker thread that loads handlers (bundled, or through tsx) and runs one invocation at a time.
import { parentPort } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

const handlers = new Map();
let tsx;

async function load(entry) {
  let handler = handlers.get(entry);
  if (!handler) {
    // A bundled handler is plain JavaScript; a TypeScript entry needs tsx's loader first.
    if (entry.endsWith('.ts')) tsx ??= import('tsx/esm/api').then(({ register }) => register());
    // the promise is kept, so a job arriving while warming waits for the same import
    handler = Promise.resolve(entry.endsWith('.ts') ? tsx : undefined)
      .then(() => import(pathToFileURL(entry).href))
      .then((mod) => mod.handler);
    handlers.set(entry, handler);
  }
  return handler;
}

parentPort.on('message', async ({ id, entry, input, warm }) => {
  if (warm) {
    for (const e of warm) await load(e).catch(() => undefined);
    return;
  }
  try {
    const handler = await load(entry);
    // The pool measures the invocation's memory from here, loading the handler left out.
    parentPort.postMessage({ id, started: true });
    parentPort.postMessage({ id, result: await handler(input) });
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    parentPort.postMessage({ id, error: { name: e.name, message: e.message, stack: e.stack } });
  }
});
