import { readFile, stat } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { GLOBAL_OPTIONS, printJson, withTarget, type Command, type Target } from '../target.ts';
import { guessContentType } from '../upload.ts';
import { classifyText } from '../../../functions/core/detect/classify-text.ts';
import type { Template } from '../../../functions/core/templates/template-model.ts';

const OPTIONS = {
  ...GLOBAL_OPTIONS,
  limit: { type: 'string' },
  cursor: { type: 'string' },
  schema: { type: 'string' },
  session: { type: 'string' },
  name: { type: 'string' },
  description: { type: 'string' },
  'from-job': { type: 'string' },
  file: { type: 'string' },
  versions: { type: 'boolean' },
} as const;

/** Bytes of a local file read to find its header and sample rows (the file is not uploaded). */
const HEAD_BYTES = 256 * 1024;
const SAMPLE_ROWS = 20;

interface SuggestAnswer {
  fingerprint: string;
  headers: string[];
  suggestion: {
    schema: string;
    status: string;
    confidence: number;
    missingRequired: string[];
    templateId?: string;
    templateVersion?: number;
    fields: { field: string; sourceHeaders: string[]; confidence: number; reason: string }[];
  };
  templates: { templateId: string; name: string; version: number; schema: string; match: string; score: number; status: string }[];
  schemas: { name: string; confidence: number; reason: string }[];
}

export const templatesCommand: Command = {
  usage: [
    '  templates list [--limit N] [--cursor C] [--json]',
    '  templates get <templateId> [--versions] [--json]',
    '  templates suggest <file> [--schema S] [--json]    (or --session ID for an uploaded file)',
    '  templates create --name N --from-job JOB [--description D] [--json]',
    '  templates create --file template.json [--json]     (the POST /v1/templates body)',
  ].join('\n'),
  async run(argv) {
    const { values: flags, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    const [sub, arg] = positionals;
    switch (sub) {
      case 'list':
        return withTarget(flags, (t) => list(t, flags));
      case 'get':
        if (!arg) throw new Error('templates get needs a template id');
        return withTarget(flags, (t) => get(t, arg, flags));
      case 'suggest': {
        if (!arg && !flags.session) throw new Error('templates suggest needs a file (or --session ID)');
        const body = flags.session ? { sessionId: flags.session } : await inlineSample(arg!);
        return withTarget(flags, (t) => suggest(t, { ...body, ...(flags.schema ? { schema: flags.schema } : {}) }, flags));
      }
      case 'create': {
        const body = await createBody(flags);
        return withTarget(flags, async (t) => {
          const created = await t.api.post<Template>('/v1/templates', body);
          if (flags.json) printJson(created);
          else process.stdout.write(`Created template ${created.templateId} "${created.name}" (version ${created.version}, schema ${created.schema})\n`);
          return 0;
        });
      }
      default:
        throw new Error(`Unknown templates command '${sub ?? ''}': use list, get, suggest or create`);
    }
  },
};

type Flags = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

async function list(t: Target, flags: Flags): Promise<number> {
  const q = new URLSearchParams();
  if (flags.limit) q.set('limit', flags.limit);
  if (flags.cursor) q.set('cursor', flags.cursor);
  const res = await t.api.get<{ items: Template[]; nextCursor: string | null }>(`/v1/templates?${q}`);
  if (flags.json) {
    printJson(res);
    return 0;
  }
  if (res.items.length === 0) process.stdout.write('No templates yet. Confirm a mapping with saveAsTemplate, or: ai-file-parser templates create\n');
  for (const tpl of res.items) {
    const u = tpl.usage;
    process.stdout.write(
      `${tpl.templateId}  v${String(tpl.version).padEnd(3)} ${tpl.schema.padEnd(16)} ${String(u.jobs).padStart(5)} jobs  ${(u.rejectionRate * 100).toFixed(1).padStart(5)}% rejected  ${u.lastUsedAt ?? 'never used'}  ${tpl.name}\n`,
    );
  }
  if (res.nextCursor) process.stdout.write(`more: --cursor ${res.nextCursor}\n`);
  return 0;
}

async function get(t: Target, id: string, flags: Flags): Promise<number> {
  const path = `/v1/templates/${encodeURIComponent(id)}${flags.versions ? '/versions' : ''}`;
  printJson(await t.api.get<unknown>(path), !flags.json);
  return 0;
}

async function suggest(t: Target, body: Record<string, unknown>, flags: Flags): Promise<number> {
  const res = await t.api.post<SuggestAnswer>('/v1/templates/suggest', body);
  if (flags.json) {
    printJson(res);
    return 0;
  }
  const s = res.suggestion;
  const from = s.templateId ? `template ${s.templateId} v${s.templateVersion}` : 'heuristics';
  process.stdout.write(`${s.status === 'mapped' ? '✔' : '?'} ${s.schema}  confidence ${s.confidence}  (${from}; layout ${res.fingerprint})\n`);
  for (const f of s.fields) {
    process.stdout.write(`  ${f.field.padEnd(22)} <- ${f.sourceHeaders.join(' + ').padEnd(28)} ${f.confidence.toFixed(2)}  ${f.reason}\n`);
  }
  if (s.missingRequired.length > 0) process.stdout.write(`  missing required: ${s.missingRequired.join(', ')}\n`);
  if (res.templates.length > 0) {
    process.stdout.write('templates:\n');
    for (const tpl of res.templates) process.stdout.write(`  ${tpl.templateId}  ${tpl.match} ${tpl.score}  ${tpl.status}  ${tpl.name} (${tpl.schema})\n`);
  }
  process.stdout.write(`schemas: ${res.schemas.map((x) => `${x.name} ${x.confidence}`).join(', ')}\n`);
  return 0;
}

/** Headers and the first rows of a local file, read here: nothing is uploaded for a suggestion. */
async function inlineSample(file: string): Promise<Record<string, unknown>> {
  const { size } = await stat(file);
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
    await handle.read(head, 0, head.length, 0);
    const text = classifyText(head, { filename: basename(file), declaredType: guessContentType(file), size, truncated: head.length < size });
    return {
      headers: text.headers,
      sampleRows: text.sampleRows.slice(0, SAMPLE_ROWS),
      format: text.format,
      ...(text.delimiter !== undefined ? { delimiter: text.delimiter } : {}),
    };
  } finally {
    await handle.close();
  }
}

async function createBody(flags: Flags): Promise<unknown> {
  if (flags.file) return JSON.parse(await readFile(flags.file, 'utf8')) as unknown;
  if (!flags.name || !flags['from-job']) throw new Error('templates create needs --name and --from-job, or --file template.json');
  return { name: flags.name, fromJob: flags['from-job'], ...(flags.description ? { description: flags.description } : {}) };
}

/** A field's columns while a person edits a mapping on the terminal. */
export interface EditableField {
  field: string;
  sources: number[];
  /** kept as they came from the suggestion; an edited field loses them */
  transforms?: unknown[];
}

/**
 * Apply one line of a terminal mapping edit: `field=3`, `field=Date+Time` (columns by
 * number or header, joined with +), or `field=` to unmap. Returns the new field list, or
 * an error message for the person.
 */
export function applyMappingEdit(
  fields: readonly EditableField[],
  line: string,
  headers: readonly string[],
  schemaFields: readonly string[],
): { ok: true; fields: EditableField[] } | { ok: false; message: string } {
  const eq = line.indexOf('=');
  if (eq < 0) return { ok: false, message: 'write field=column (e.g. counterpart_number=4 or started_at=Date+Time)' };
  const field = line.slice(0, eq).trim();
  if (!schemaFields.includes(field)) return { ok: false, message: `no field "${field}"; fields: ${schemaFields.join(', ')}` };
  const spec = line.slice(eq + 1).trim();
  const rest = fields.filter((f) => f.field !== field);
  if (spec === '') return { ok: true, fields: rest };
  const sources: number[] = [];
  for (const part of spec.split('+').map((p) => p.trim())) {
    const byNumber = /^\d+$/.test(part) ? Number(part) : undefined;
    const index = byNumber ?? headers.findIndex((h) => h.trim().toLowerCase() === part.toLowerCase());
    if (index < 0 || index >= headers.length) return { ok: false, message: `no column "${part}" (use 0-${headers.length - 1} or a header)` };
    sources.push(index);
  }
  return { ok: true, fields: [...rest, { field, sources }] };
}
