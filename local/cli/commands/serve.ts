import { parseArgs } from 'node:util';
import { rmSync, writeFileSync } from 'node:fs';
import { GLOBAL_OPTIONS, dataDirOf, printMetricsOf, readRunningServer, serverFile, type Command } from '../target.ts';

export const serveCommand: Command = {
  usage: '  serve [--port N] [--data-dir D] [--json] [--verbose] run the local stack until Ctrl-C',
  async run(argv) {
    const { values: flags } = parseArgs({ args: argv, options: { ...GLOBAL_OPTIONS, port: { type: 'string' } }, strict: true });
    const dataDir = dataDirOf(flags);
    const printMetrics = printMetricsOf(flags);
    if (readRunningServer(dataDir)) throw new Error(`A local stack is already serving ${dataDir}`);
    const port = flags.port ? Number(flags.port) : 0;
    if (!Number.isInteger(port) || port < 0 || port > 65534) throw new Error('--port must be a port number');
    const { ensureConsoleBuilt } = await import('../../console-build.ts');
    const consoleDist = await ensureConsoleBuilt(() => process.stderr.write('Building the web console (first serve after a change to console/)...\n'));
    const { startLocalStack } = await import('../../stack.ts');
    const stack = await startLocalStack({ dataDir, port, warmWorkers: true, consoleDist, printMetrics });
    const info = { httpUrl: stack.httpUrl, wsUrl: stack.wsUrl, apiKey: stack.apiKey, s3Endpoint: stack.s3Endpoint, uploadBucket: stack.bucket, consoleUrl: stack.consoleUrl };
    writeFileSync(serverFile(dataDir), JSON.stringify({ ...info, dynamoEndpoint: stack.dynamoEndpoint, pid: process.pid }), { mode: 0o600 });
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(info)}\n`);
    } else {
      process.stdout.write(
        `ai-file-parser local stack is running (data in ${dataDir})\n` +
          `  Console:   ${info.consoleUrl}   (sign in with the API key below)\n` +
          `  HTTP API:  ${info.httpUrl}/v1\n  WebSocket: ${info.wsUrl}\n  API key:   ${info.apiKey}   (tenant "dev", admin)\n` +
          `  S3:        ${info.s3Endpoint}   bucket ${info.uploadBucket}; files put under inbox/dev/ start jobs (access key S3RVER / S3RVER)\n` +
          `Press Ctrl-C to stop.\n`,
      );
    }
    await new Promise<void>((resolveStop) => {
      process.once('SIGINT', () => resolveStop());
      process.once('SIGTERM', () => resolveStop());
    });
    rmSync(serverFile(dataDir), { force: true });
    await stack.close();
    return 0;
  },
};
