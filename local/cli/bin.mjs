#!/usr/bin/env node
// Entry point of `npx ai-file-parser`: load TypeScript through tsx, then run the CLI.
import { register } from 'tsx/esm/api';

// The AWS SDK warns on every start that its releases after early 2027 need Node 22; that is
// for maintainers (see README), not for someone ingesting a file. Its own switch, set before
// anything loads: worker threads (the local Enrich) copy the environment when they start, so
// they stay quiet too (a process.emitWarning filter here did not reach them).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
