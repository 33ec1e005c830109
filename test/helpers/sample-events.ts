import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

const EVENTS_DIR = join(import.meta.dirname, '../../events');

/** A value that can stand in a JSON string (also one nested in a string, as an SQS body or an execution input is). */
const SAFE_VALUE = /^[A-Za-z0-9_.:/=+@-]*$/;

/**
 * A sample event from `events/<name>.json` with its `{{placeholder}}`s filled (see
 * events/README.md). A placeholder without a value throws, so a sample that gains one
 * fails its test until the test fills it.
 */
export async function loadSampleEvent<T = Record<string, unknown>>(name: string, values: Record<string, string>): Promise<T> {
  const text = await readFile(join(EVENTS_DIR, `${name}.json`), 'utf8');
  const filled = text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`events/${name}.json needs a value for {{${key}}}`);
    if (!SAFE_VALUE.test(value)) throw new Error(`{{${key}}}: ${JSON.stringify(value)} cannot be put into JSON text as it is`);
    return value;
  });
  return JSON.parse(filled) as T;
}

/** Every sample under events/, as `<source>/<case>` names. */
export async function listSampleEvents(): Promise<string[]> {
  const entries = await readdir(EVENTS_DIR, { recursive: true });
  return entries
    .filter((e) => e.endsWith('.json'))
    .map((e) => relative(EVENTS_DIR, join(EVENTS_DIR, e)).replace(/\.json$/, ''))
    .sort();
}
