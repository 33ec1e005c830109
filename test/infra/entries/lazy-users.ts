import { readFileSync } from 'node:fs';
import { classifyFile } from '../../../functions/core/detect/classify-file.ts';

/*
 * An entry for test/infra/lazy-packages.test.ts, bundled as a Lambda is: Classify's reading of
 * files, whose readers load exceljs, mammoth and pdfjs-dist with `import()` and iconv-lite with a
 * require on first use, and the free-mail check, the phone reader and the technology matcher,
 * which require their data (the free-mail list, libphonenumber's metadata, the project's
 * technologies dictionary) on first use.
 */
export { isFreeMailDomain } from '../../../functions/core/entities/normalize.ts';
export { recogniseTechnology } from '../../../functions/core/entities/technologies.ts';
export { normalizePhone } from '../../../functions/core/enrich/phone.ts';

/** The headers Classify finds in the file at `path` (read whole: a container is). */
export async function headersOf(path: string): Promise<string[]> {
  const buf = readFileSync(path);
  const found = await classifyFile({ head: buf, readAll: () => Promise.resolve(buf) }, { filename: path, size: buf.length, truncated: false });
  return found.headers;
}
