import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: entries, the lock file and tsconfig resolve from here, whatever the cwd. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The one state machine definition, deployed by the CDK app and run by the local stack. */
export const PIPELINE_ASL_PATH = resolve(PROJECT_ROOT, 'statemachines/pipeline.asl.json');
