/**
 * Writes openapi.generated.json, the document GET /v1/openapi.json serves, from the zod
 * contract (document.ts). Built here, before deploy, rather than at the function's cold start:
 * converting every schema with zod's toJSONSchema made its import ~3× the baseline's (issue 21),
 * and the function then carries no zod at all. test/unit/openapi-document.test.ts fails when
 * the file is not what the contract gives. Run: `npm run gen:openapi`.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { buildOpenApiDocument } from './document.ts';

export const GENERATED_DOCUMENT = new URL('./openapi.generated.json', import.meta.url);

/** The file's text: two-space JSON, so a contract change reads as a diff. */
export const documentText = (): string => `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) writeFileSync(GENERATED_DOCUMENT, documentText());
