import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLE_FILE, bundleLambdas, LAZY_PACKAGES, lazyFileOf } from '../../lib/bundling.ts';
import { PROJECT_ROOT } from '../../lib/project-paths.ts';
import { callLogDocx, callLogPdf, callLogXlsx } from '../fixtures/formats/builders.ts';

// one entry, two esbuild calls (the entry, the lazy packages): a few seconds alone, more under load
const BUILD_TIMEOUT_MS = 180_000;

describe('lazy packages in a Lambda bundle', () => {
  const work = mkdtempSync(join(tmpdir(), 'lazy-packages-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('are files of their own beside the bundle, not in it, and the bundle reads a Windows-1252 CSV, an XLSX, a DOCX and a PDF and reads free-mail domains and phone numbers through them in a fresh Node', { timeout: BUILD_TIMEOUT_MS }, async () => {
    const { outdir } = bundleLambdas(PROJECT_ROOT, { reader: 'test/infra/entries/lazy-users.ts' }, join(work, 'bundles'));
    const dir = join(outdir, 'reader');
    const code = readFileSync(join(dir, BUNDLE_FILE), 'utf8');
    for (const specifier of Object.keys(LAZY_PACKAGES).filter((s) => s !== '@anthropic-ai/sdk')) {
      // kept as an import() of the package, which Node resolves to the file shipped beside the bundle
      expect(code.includes(`import("${specifier}")`), specifier).toBe(true);
      expect(existsSync(join(dir, lazyFileOf(specifier))), specifier).toBe(true);
    }
    // pdfjs in Node imports its worker from beside itself, by a path computed at run time
    expect(existsSync(join(dir, 'node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs'))).toBe(true);
    // nothing of exceljs or pdfjs in the bundle itself; nothing of the AI SDK shipped, as the entry never imports it
    expect(code.includes('WorksheetReader')).toBe(false);
    expect(code.includes('GlobalWorkerOptions')).toBe(false);
    expect(existsSync(join(dir, lazyFileOf('@anthropic-ai/sdk')))).toBe(false);

    // iconv-lite is required on first use: here by the guess of a Windows-1252 file's encoding
    expect(existsSync(join(dir, 'node_modules/iconv-lite/index.cjs'))).toBe(true);
    expect(code.includes('windows1252')).toBe(false);
    const legacyCsv = Buffer.from('Appelant;Appelé;Durée;Date\n' + Array.from({ length: 20 }, (_, i) => `Hélène;Müller ${i};${i + 3}:0${i % 10};2024-03-${10 + i}\n`).join(''), 'latin1');
    const files = { csv: legacyCsv, xlsx: await callLogXlsx(), docx: await callLogDocx(), pdf: await callLogPdf() };
    for (const [ext, buf] of Object.entries(files)) writeFileSync(join(work, `call-log.${ext}`), buf);
    // A fresh process with no tsx and no project node_modules on the way: only what ships. Except
    // for pdfjs's optional native @napi-rs/canvas (its DOMMatrix), which it loads with require()
    // and which no bundle ships (a platform binary): for the PDF alone, NODE_PATH lends it the
    // project's copy (require() honours NODE_PATH, which would also hide a missing iconv-lite).
    const headers = (exts: string[], env: Record<string, string>) => {
      const script = `const { headersOf, isFreeMailDomain, normalizePhone } = await import(${JSON.stringify(pathToFileURL(join(dir, BUNDLE_FILE)).href)});
        const out = {};
        for (const ext of ${JSON.stringify(exts)}) out[ext] = await headersOf(${JSON.stringify(work)} + '/call-log.' + ext);
        out.freeMail = [String(isFreeMailDomain('gmail.com')), String(isFreeMailDomain('acme.example'))];
        out.phones = [normalizePhone('030 1234567', 'DE'), normalizePhone('(212) 555-0143', 'US')].map((p) => p.ok ? p.e164 + ' ' + p.region + ' ' + p.lineType : p.reason);
        process.stdout.write(JSON.stringify(out));`;
      const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: work, env: { PATH: process.env.PATH ?? '', ...env } });
      return JSON.parse(stdout.toString()) as Record<string, string[]>;
    };
    const out = { ...headers(['csv', 'xlsx', 'docx'], {}), ...headers(['pdf'], { NODE_PATH: join(PROJECT_ROOT, 'node_modules') }) };
    for (const ext of Object.keys(files)) expect(out[ext]?.length, ext).toBeGreaterThan(2);
    expect(out.csv).toEqual(['Appelant', 'Appelé', 'Durée', 'Date']);
    // the free-mail list, read from beside the bundle on the first check
    expect(existsSync(join(dir, 'node_modules/email-providers/all.json'))).toBe(true);
    expect(out.freeMail).toEqual(['true', 'false']);
    // libphonenumber's metadata, read from beside the bundle on the first number
    expect(existsSync(join(dir, 'node_modules/libphonenumber-js/metadata.max.json'))).toBe(true);
    expect(out.phones).toEqual(['+49301234567 DE fixed_line', '+12125550143 US fixed_line_or_mobile']);
  });
});
