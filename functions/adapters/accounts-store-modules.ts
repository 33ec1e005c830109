/*
 * The accounts store with the merge and the deletion edit, which entity-sync.ts loads with one
 * import() on first use: one lazily loaded module per split build, not three, so the code they
 * share with what a function loads at init does not become small chunks read at init, a file
 * each (the same reason as api-templates/mapping-modules.ts).
 */
export { entityStore } from './entity-store.ts';
export { JobMerge } from '../core/entities/upsert.ts';
export { markJobDeleted } from '../core/entities/edits.ts';
