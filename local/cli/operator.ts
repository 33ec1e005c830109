import { join } from 'node:path';
import { TABLES } from '../../functions/shared/tables.ts';
import { resourcePrefix } from '../../lib/naming.ts';
import { dataDirOf, readRunningServer, type GlobalFlags } from './target.ts';

/** Flags of the operator's commands: a deployed stage, or (without one) the local data folder. */
export const OPERATOR_OPTIONS = {
  stage: { type: 'string' },
  region: { type: 'string' },
} as const;

export interface OperatorFlags extends GlobalFlags {
  stage?: string;
  region?: string;
}

const STAGE = /^[a-z0-9-]{1,32}$/;

/** Point every table's env var at `prefix-<table>`, the names both the CDK stack and the local stack give them. */
function useTables(prefix: string): void {
  for (const design of Object.values(TABLES)) process.env[design.envName] = `${prefix}-${design.name}`;
}

/** Local dynalite speaks any credentials; the SDK still wants a region and a key. */
function useLocalDynamo(endpoint: string): void {
  Object.assign(process.env, {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: endpoint,
  });
  delete process.env.AWS_PROFILE;
}

/**
 * Run an operator's command against the tables it manages, with no API key involved:
 * - `--stage <s>` (or AI_FILE_PARSER_STAGE): the deployed stage's tables, with the AWS
 *   credentials and region of the shell (the operator's own, as for `cdk deploy`);
 * - otherwise the local stack's data folder: through a running `serve` on it, or with
 *   the folder's database opened here for the length of the command.
 */
export async function withOperatorTables(flags: OperatorFlags, run: () => Promise<number>): Promise<number> {
  const stage = flags.stage ?? process.env.AI_FILE_PARSER_STAGE;
  if (stage) {
    if (!STAGE.test(stage)) throw new Error('--stage must be the stage name the stack was deployed with (lowercase letters, digits, dashes)');
    if (flags.region) process.env.AWS_REGION = flags.region;
    useTables(resourcePrefix(stage));
    return run();
  }
  const { LOCAL_PREFIX } = await import('../stack.ts');
  useTables(LOCAL_PREFIX);
  const dataDir = dataDirOf(flags);
  const running = readRunningServer(dataDir);
  if (running?.dynamoEndpoint) {
    useLocalDynamo(running.dynamoEndpoint);
    return run();
  }
  const { ensureTables, startLocalDynamo } = await import('../dynamodb.ts');
  const dynamo = await startLocalDynamo({ dataDir: join(dataDir, 'dynamodb'), host: '127.0.0.1' });
  try {
    await ensureTables(
      dynamo.endpoint,
      Object.values(TABLES).map((design) => ({ design, tableName: `${LOCAL_PREFIX}-${design.name}` })),
    );
    useLocalDynamo(dynamo.endpoint);
    return await run();
  } finally {
    await dynamo.close();
  }
}
