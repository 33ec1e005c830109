import { ulid } from 'ulid';
import { badRequest } from '../shared/http/errors.ts';
import type { MappingIssue, TemplateContent } from '../core/templates/template-model.ts';

/** What the templates API's route groups share (handler.ts loads each group on its first request). */

export const newTemplateId = () => `tpl_${ulid()}`;

export const invalid = (issues: MappingIssue[]) => badRequest('The mapping does not fit the schema or the file', issues);

/** A template is one DynamoDB item (at most 400 KB); leave room for usage and the open jobs. */
const MAX_TEMPLATE_BYTES = 300_000;

export function checkSize(content: TemplateContent): TemplateContent {
  if (Buffer.byteLength(JSON.stringify(content)) > MAX_TEMPLATE_BYTES) {
    throw badRequest('The template is too large', [{ field: 'layout.headers', message: `a template may take at most ${MAX_TEMPLATE_BYTES} bytes; this layout has too many or too long columns` }]);
  }
  return content;
}
