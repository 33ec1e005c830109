import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { GLOBAL_OPTIONS, printJson, withTarget, type Command } from '../target.ts';
import type { ApiAccount, ApiAccountDetail, ApiContact } from '../../../functions/core/entities/api-shape.ts';

interface AccountList {
  items: ApiAccount[];
  nextCursor: string | null;
  total: number;
  facets: Record<string, Record<string, number>>;
}

const FILTERS = ['q', 'industry', 'technology', 'country', 'min-employees', 'max-employees', 'sort'] as const;
const QUERY_NAMES: Record<string, string> = { 'min-employees': 'minEmployees', 'max-employees': 'maxEmployees' };

const accountLine = (a: ApiAccount) =>
  `${a.accountId}  ${(a.name ?? '-').padEnd(28)} ${(a.domain ?? '-').padEnd(24)} ${(a.industry ?? '-').padEnd(18)} ${String(a.employees ?? '-').padStart(7)}  ${(a.country ?? '-').padEnd(14)} ${a.contactCount} contacts  [${a.technologies.join(', ')}]`;

const contactLine = (c: ApiContact) =>
  `${c.contactId}  ${(c.fullName ?? ([c.firstName, c.lastName].filter(Boolean).join(' ') || '-')).padEnd(24)} ${(c.email ?? '-').padEnd(30)} ${(c.phone ?? '-').padEnd(16)} ${c.title ?? ''}${c.accountId ? `  @${c.accountId}` : ''}`;

const topFacets = (facet: Record<string, number> = {}, n = 5) =>
  Object.entries(facet)
    .slice(0, n)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

const options = {
  ...GLOBAL_OPTIONS,
  q: { type: 'string' },
  industry: { type: 'string' },
  technology: { type: 'string' },
  country: { type: 'string' },
  'min-employees': { type: 'string' },
  'max-employees': { type: 'string' },
  sort: { type: 'string' },
  account: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  limit: { type: 'string' },
  cursor: { type: 'string' },
} as const;

/** Fetch an export's link and save it (`--out`), or print the link. */
async function saveExport(url: string, out: string | undefined, json: boolean | undefined, answer: unknown): Promise<number> {
  if (json) printJson(answer);
  if (!out) {
    if (!json) process.stdout.write(`${url}\n`);
    return 0;
  }
  const res = await fetch(url);
  if (!res.ok) throw new Error(`download failed: HTTP ${res.status}`);
  await writeFile(out, Buffer.from(await res.arrayBuffer()));
  if (!json) process.stdout.write(`saved ${out}\n`);
  return 0;
}

export const accountsCommand: Command = {
  usage: [
    '  accounts list [--q TEXT] [--industry I] [--technology T] [--country C] [--min-employees N] [--max-employees N] [--sort name|-employees|...] [--limit N] [--cursor C] [--json]',
    '  accounts get <accountId> [--json]',
    '  accounts export [filters as for list] [--format csv|xlsx] [--out FILE] [--json]',
  ].join('\n'),
  async run(argv) {
    const { values: flags, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    const [sub, id] = positionals;
    if (!['list', 'get', 'export'].includes(sub ?? '')) throw new Error(`Unknown accounts command '${sub ?? ''}': use list, get or export`);
    if (sub === 'get' && !id) throw new Error('accounts get needs an account id');
    const query = new URLSearchParams();
    for (const f of FILTERS) if (flags[f] !== undefined) query.set(QUERY_NAMES[f] ?? f, flags[f]);
    return withTarget(flags, async (target) => {
      if (sub === 'get') {
        const account = await target.api.get<ApiAccountDetail>(`/v1/accounts/${encodeURIComponent(id!)}`);
        if (flags.json) printJson(account);
        else {
          process.stdout.write(`${accountLine(account)}\n`);
          for (const c of account.contacts) process.stdout.write(`  ${contactLine(c)}\n`);
        }
        return 0;
      }
      if (sub === 'export') {
        query.set('format', flags.format ?? 'csv');
        const res = await target.api.get<{ url: string }>(`/v1/accounts/export?${query}`);
        return saveExport(res.url, flags.out, flags.json, res);
      }
      if (flags.limit) query.set('limit', flags.limit);
      if (flags.cursor) query.set('cursor', flags.cursor);
      const res = await target.api.get<AccountList>(`/v1/accounts?${query}`);
      if (flags.json) {
        printJson(res);
        return 0;
      }
      if (res.total === 0) process.stdout.write('no accounts yet: ingest a company or contact file\n');
      for (const a of res.items) process.stdout.write(`${accountLine(a)}\n`);
      process.stdout.write(`${res.items.length} of ${res.total}; industries: ${topFacets(res.facets.industry)}; technologies: ${topFacets(res.facets.technology)}; countries: ${topFacets(res.facets.country)}\n`);
      if (res.nextCursor) process.stdout.write(`more: --cursor ${res.nextCursor}\n`);
      return 0;
    });
  },
};

export const contactsCommand: Command = {
  usage: ['  contacts list [--q TEXT] [--account ACCOUNT_ID] [--limit N] [--cursor C] [--json]', '  contacts export [--q TEXT] [--account ID] [--format csv|xlsx] [--out FILE] [--json]'].join('\n'),
  async run(argv) {
    const { values: flags, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    const [sub] = positionals;
    if (!['list', 'export'].includes(sub ?? '')) throw new Error(`Unknown contacts command '${sub ?? ''}': use list or export`);
    const query = new URLSearchParams();
    if (flags.q) query.set('q', flags.q);
    if (flags.account) query.set('accountId', flags.account);
    return withTarget(flags, async (target) => {
      if (sub === 'export') {
        query.set('format', flags.format ?? 'csv');
        const res = await target.api.get<{ url: string }>(`/v1/contacts/export?${query}`);
        return saveExport(res.url, flags.out, flags.json, res);
      }
      if (flags.limit) query.set('limit', flags.limit);
      if (flags.cursor) query.set('cursor', flags.cursor);
      const res = await target.api.get<{ items: ApiContact[]; nextCursor: string | null; total: number }>(`/v1/contacts?${query}`);
      if (flags.json) {
        printJson(res);
        return 0;
      }
      if (res.total === 0) process.stdout.write('no contacts yet: ingest a contact file\n');
      for (const c of res.items) process.stdout.write(`${contactLine(c)}\n`);
      process.stdout.write(`${res.items.length} of ${res.total}\n`);
      if (res.nextCursor) process.stdout.write(`more: --cursor ${res.nextCursor}\n`);
      return 0;
    });
  },
};
