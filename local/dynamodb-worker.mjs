// dynalite in a thread of its own (see startLocalDynamo): the API's DynamoDB calls are
// served on the other core while the main thread runs the handlers.
import { parentPort, workerData } from 'node:worker_threads';
import dynalite from 'dynalite';

const server = dynalite({ path: workerData.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.on('error', (err) => parentPort.postMessage({ error: String(err) }));
server.listen(workerData.port, workerData.host, () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', (msg) => {
  if (msg === 'close') server.close(() => parentPort.postMessage({ closed: true }));
});
