import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { findSets } from './mapping.ts';
import { BUILTIN_SCHEMAS, getSchema } from '../../functions/core/schemas/registry.ts';
import { suggestForFile } from '../../functions/core/templates/suggest.ts';
import { headerCandidates } from '../../functions/core/map/header-match.ts';
import { normalizeHeader } from '../../functions/core/map/normalize-header.ts';
import { isBlankCell } from '../../functions/core/enrich/result.ts';
const FIX = 'test/fixtures/mapping-eval';
const schemas = [...BUILTIN_SCHEMAS.values()];
const none = { findByFingerprint: async () => [], listRecent: async () => [] };
for (const set of findSets().filter((s) => !s.split('/').includes('holdout'))) {
  for (const f of ['call_record.json', 'contact.json', 'company_account.json']) {
    const p = join(FIX, set, f); if (!existsSync(p)) continue;
    const file = JSON.parse(readFileSync(p, 'utf8'));
    const schema = getSchema(file.schema);
    for (const c of file.cases) {
      const m = (await suggestForFile({ headers: c.headers, sampleRows: c.rows, layout: {}, schemas, requestedSchema: schema.name }, none)).mapping;
      if (m.status !== 'mapped') continue;
      const normalized = c.headers.map(normalizeHeader);
      const read = new Set<number>();
      for (const s of schemas) for (const h of headerCandidates(s, c.headers, normalized)) read.add(h.column);
      for (const fm of m.fields) if (fm.reason !== 'value_pattern') for (const x of fm.sources) read.add(x);
      const used = new Set(m.fields.flatMap((x) => x.sources));
      const unread = c.headers.map((_: string, i: number) => i).filter((i: number) => !read.has(i) && !used.has(i) && c.rows.some((r: string[]) => !isBlankCell(r[i] ?? '')));
      for (const i of unread) console.log(`${set}\t${c.id}\t${c.headers[i]}\t${normalized[i]}\t${c.rows.map((r: string[]) => r[i]).slice(0, 2).join(' | ')}`);
    }
  }
}
