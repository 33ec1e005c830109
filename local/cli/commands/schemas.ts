import { parseArgs } from 'node:util';
import { GLOBAL_OPTIONS, printJson, withTarget, type Command } from '../target.ts';

interface ApiSchema {
  name: string;
  description?: string;
  builtin: boolean;
  fields: { name: string; type: string; required?: boolean; description?: string }[];
}

export const schemasCommand: Command = {
  usage: ['  schemas list [--json]                              built-in schemas and the tenant\'s own', '  schemas get <name> [--json]                        a schema\'s fields'].join('\n'),
  async run(argv) {
    const { values: flags, positionals } = parseArgs({ args: argv, options: GLOBAL_OPTIONS, allowPositionals: true, strict: true });
    const [sub, name] = positionals;
    return withTarget(flags, async ({ api }) => {
      if (sub === 'list') {
        const res = await api.get<{ items: ApiSchema[] }>('/v1/schemas');
        if (flags.json) printJson(res);
        else for (const s of res.items) process.stdout.write(`${s.name.padEnd(24)} ${s.builtin ? 'built-in' : 'custom  '}  ${String(s.fields.length).padStart(3)} fields  ${s.description ?? ''}\n`);
        return 0;
      }
      if (sub === 'get') {
        if (!name) throw new Error('schemas get needs a schema name');
        const schema = await api.get<ApiSchema>(`/v1/schemas/${encodeURIComponent(name)}`);
        if (flags.json) {
          printJson(schema);
          return 0;
        }
        process.stdout.write(`${schema.name} (${schema.builtin ? 'built-in' : 'custom'})${schema.description ? `: ${schema.description}` : ''}\n`);
        for (const f of schema.fields) process.stdout.write(`  ${f.name.padEnd(24)} ${f.type.padEnd(9)} ${f.required ? 'required' : '        '}  ${f.description ?? ''}\n`);
        return 0;
      }
      throw new Error(`Unknown schemas command '${sub ?? ''}': use list or get`);
    });
  },
};
