import { ApiError } from './api-client.ts';
import { accountsCommand, contactsCommand } from './commands/accounts.ts';
import { adminCommand } from './commands/admin.ts';
import type { Command } from './target.ts';
import { ingestCommand } from './commands/ingest.ts';
import { jobsCommand } from './commands/jobs.ts';
import { schemasCommand } from './commands/schemas.ts';
import { serveCommand } from './commands/serve.ts';
import { templatesCommand } from './commands/templates.ts';
import { webhooksCommand } from './commands/webhooks.ts';

/** Each command lives in its own module under commands/; add new ones here. */
const COMMANDS: Record<string, Command> = {
  accounts: accountsCommand,
  admin: adminCommand,
  contacts: contactsCommand,
  ingest: ingestCommand,
  jobs: jobsCommand,
  schemas: schemasCommand,
  serve: serveCommand,
  templates: templatesCommand,
  webhooks: webhooksCommand,
};

const usage = () => `Usage: ai-file-parser <command> [options]

Commands:
${Object.values(COMMANDS)
  .map((c) => c.usage)
  .join('\n')}

Targets: with no --endpoint the embedded local stack runs in this process (state in
./.local-stack, or --data-dir), or a running 'serve' on that data folder is used.
  --endpoint URL --api-key KEY [--ws-endpoint URL]   a deployed stack
  (or AI_FILE_PARSER_ENDPOINT, AI_FILE_PARSER_API_KEY, AI_FILE_PARSER_WS_ENDPOINT)
Every command takes --json for the API's JSON answer on stdout, and --verbose to print the
metrics of the local stack it boots as EMF lines on stdout (docs/observability.md).`;

/** Exit codes: 0 success, 1 the job did not succeed, 2 usage or request error. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${usage()}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`Unknown command '${name}'\n\n${usage()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof ApiError) {
      const details = err.details ? ` ${JSON.stringify(err.details)}` : '';
      process.stderr.write(`Error: ${err.message} (${err.code}, HTTP ${err.status})${details}\n`);
    } else {
      process.stderr.write(`Error: ${(err as Error).message}\n`);
    }
    return 2;
  }
}
