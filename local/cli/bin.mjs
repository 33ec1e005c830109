#!/usr/bin/env node
// Entry point of `npx ai-file-parser`: load TypeScript through tsx, then run the CLI.
import { register } from 'tsx/esm/api';

// The AWS SDK warns on every start that future releases need Node 22; that is for
// maintainers (see README), not for someone ingesting a file.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = (warning, ...rest) => {
  const text = typeof warning === 'string' ? warning : String(warning?.message ?? '');
  if (text.startsWith('NodeVersionSupportWarning')) return;
  emitWarning(warning, ...rest);
};

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
