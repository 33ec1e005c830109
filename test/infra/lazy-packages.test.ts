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

  it('are files of their own beside the bundle, not in it, and the bundle reads XLSX, DOCX and PDF through them in a fresh Node', { timeout: BUILD_TIMEOUT_MS }, async () => {
    const { outdir } = bundleLambdas(PROJECT_ROOT, { reader: 'test/infra/entries/classify-container.ts' }, join(work, 'bundles'));
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

    const files = { xlsx: await callLogXlsx(), docx: await callLogDocx(), pdf: await callLogPdf() };
    for (const [ext, buf] of Object.entries(files)) writeFileSync(join(work, `call-log.${ext}`), buf);
    // A fresh process with no tsx and no project node_modules on the way: only what ships. Except
    // for pdfjs's optional native @napi-rs/canvas (its DOMMatrix), which it loads with require()
    // and which no bundle ships (a platform binary): NODE_PATH lends it the project's copy.
    const script = `const { headersOf } = await import(${JSON.stringify(pathToFileURL(join(dir, BUNDLE_FILE)).href)});
      const out = {};
      for (const ext of ['xlsx', 'docx', 'pdf']) out[ext] = await headersOf(${JSON.stringify(work)} + '/call-log.' + ext);
      process.stdout.write(JSON.stringify(out));`;
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: work, env: { PATH: process.env.PATH, NODE_PATH: join(PROJECT_ROOT, 'node_modules') } }).toString()) as Record<string, string[]>;
    for (const ext of Object.keys(files)) expect(out[ext]?.length, ext).toBeGreaterThan(2);
  });
});
