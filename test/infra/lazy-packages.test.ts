import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_FILE, bundleLambdas, lazyFileOf } from '../../lib/bundling.ts';
import { PROJECT_ROOT } from '../../lib/project-paths.ts';
import { callLogDocx, callLogPdf, callLogXlsx } from '../fixtures/formats/builders.ts';
import { type3CallLogPdf } from '../fixtures/formats/type3-pdf.ts';
import { apiKeyOf, startFakeAnthropic } from '../../local/fake-anthropic.ts';

// two entries, three esbuild calls (the entries, the lazy packages as ESM and as CommonJS): a few seconds alone, more under load
const BUILD_TIMEOUT_MS = 180_000;

const work = mkdtempSync(join(tmpdir(), 'lazy-packages-'));

/**
 * Run an ESM script in a fresh Node with nothing of the project's on the way: no tsx, no
 * node_modules above `cwd`, no NODE_PATH; only PATH and `env`. Asynchronous, so a server in this
 * process can answer it.
 */
const inFreshNode = (script: string, env: Record<string, string>) =>
  promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: work, env: { PATH: process.env.PATH ?? '', ...env } });

/** What a script in inFreshNode reported after `RESULT ` on a line of its own (pdfjs and the logger also write to stdout). */
const resultOf = (stdout: string) => stdout.split('\nRESULT ')[1] ?? '';

/** The bundle and the chunks beside it (a function that loads project modules with import() is built with code splitting). */
const codeIn = (dir: string) =>
  readdirSync(dir)
    .filter((file) => file.endsWith('.mjs'))
    .map((file) => readFileSync(join(dir, file), 'utf8'))
    .join('\n');

describe('lazy packages in a Lambda bundle', () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  // both entries in one build, as the app bundles all its functions in one
  let outdir = '';
  beforeAll(() => {
    outdir = bundleLambdas(PROJECT_ROOT, { reader: 'test/infra/entries/lazy-users.ts', ai: 'test/infra/entries/ai-user.ts', traced: 'test/infra/entries/traced-user.ts' }, join(work, 'bundles')).outdir;
  }, BUILD_TIMEOUT_MS);

  it('are files of their own beside the bundle, not in it, and the bundle reads a Windows-1252 CSV, an XLSX, a DOCX and a PDF and reads free-mail domains and phone numbers through them in a fresh Node', { timeout: BUILD_TIMEOUT_MS }, async () => {
    const dir = join(outdir, 'reader');
    const code = codeIn(dir);
    for (const specifier of ['exceljs', 'mammoth', 'pdfjs-dist/legacy/build/pdf.mjs', '@thednp/dommatrix']) {
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
    // two PDFs: pdfkit's, and one in a Type3 bitmap font with its table under a scaling matrix
    const files = { csv: legacyCsv, xlsx: await callLogXlsx(), docx: await callLogDocx(), pdf: await callLogPdf(), 'type3.pdf': type3CallLogPdf() };
    for (const [ext, buf] of Object.entries(files)) writeFileSync(join(work, `call-log.${ext}`), buf);
    // A fresh process with no tsx and no project node_modules on the way: only what ships. No
    // NODE_PATH either: pdfjs looks for the native @napi-rs/canvas with require(), which honours it.
    const script = `const { headersOf, isFreeMailDomain, normalizePhone, recogniseTechnology } = await import(${JSON.stringify(pathToFileURL(join(dir, BUNDLE_FILE)).href)});
      const out = {};
      for (const ext of ${JSON.stringify(Object.keys(files))}) out[ext] = await headersOf(${JSON.stringify(work)} + '/call-log.' + ext);
      out.freeMail = [String(isFreeMailDomain('gmail.com')), String(isFreeMailDomain('acme.example'))];
      out.phones = [normalizePhone('030 1234567', 'DE'), normalizePhone('(212) 555-0143', 'US')].map((p) => p.ok ? p.e164 + ' ' + p.region + ' ' + p.lineType : p.reason);
      out.technologies = ['aws', 'SFDC', 'no such product'].map((t) => recogniseTechnology(t)?.name ?? '-');
      process.stdout.write('\\nRESULT ' + JSON.stringify(out));`;
    const out = JSON.parse(resultOf((await inFreshNode(script, {})).stdout)) as Record<string, string[]>;
    for (const ext of Object.keys(files)) expect(out[ext]?.length, ext).toBeGreaterThan(2);
    expect(out.csv).toEqual(['Appelant', 'Appelé', 'Durée', 'Date']);
    // pdfjs read them with the DOMMatrix shipped beside it (functions/core/parse/pdfjs.ts)
    expect(existsSync(join(dir, lazyFileOf('@thednp/dommatrix')))).toBe(true);
    expect(out.pdf).toEqual(['Date', 'Time', 'Number', 'Location', 'Minutes', 'Charge', 'Account Number']);
    expect(out['type3.pdf']).toEqual(['Date', 'Number', 'Minutes', 'Charge']);
    // the free-mail list, read from beside the bundle on the first check
    expect(existsSync(join(dir, 'node_modules/email-providers/all.json'))).toBe(true);
    expect(out.freeMail).toEqual(['true', 'false']);
    // libphonenumber's metadata, read from beside the bundle on the first number
    expect(existsSync(join(dir, 'node_modules/libphonenumber-js/metadata.max.json'))).toBe(true);
    expect(out.phones).toEqual(['+49301234567 DE fixed_line', '+12125550143 US fixed_line_or_mobile']);
    // the technologies dictionary, a project file read from beside the bundle on the first match, not compiled into it
    expect(existsSync(join(dir, 'technologies.json'))).toBe(true);
    expect(code.includes('Amazon Web Services')).toBe(false);
    expect(out.technologies).toEqual(['Amazon Web Services', 'Salesforce', '-']);
  });

  it('ships the Anthropic SDK beside a bundle that calls Claude, and the call goes through it in a fresh Node', { timeout: BUILD_TIMEOUT_MS }, async () => {
    const dir = join(outdir, 'ai');
    const code = codeIn(dir);
    expect(code.includes('import("@anthropic-ai/sdk")')).toBe(true);
    expect(existsSync(join(dir, lazyFileOf('@anthropic-ai/sdk')))).toBe(true);
    // the SDK's own code (here, the platform headers it sends) is in the shipped file, not in the bundle
    expect(code.includes('X-Stainless-Runtime-Version')).toBe(false);
    const fake = await startFakeAnthropic();
    try {
      fake.respondWith(() => '{"mappings":[{"column":"Dialed","field":"counterpart_number"}]}');
      // no tables configured: the AI circuit's state is unreadable, and the call goes as if it were closed
      const script = `const { callClaude } = await import(${JSON.stringify(pathToFileURL(join(dir, BUNDLE_FILE)).href)});
        const text = await callClaude('sk-test-lazy', 'You map columns.', 'Columns: Dialed');
        process.stdout.write('\\nRESULT ' + text);`;
      const { stdout } = await inFreshNode(script, { ANTHROPIC_BASE_URL: fake.url, AWS_REGION: 'us-east-1', POWERTOOLS_LOG_LEVEL: 'ERROR' });
      expect(resultOf(stdout)).toBe('{"mappings":[{"column":"Dialed","field":"counterpart_number"}]}');
      expect(fake.calls).toBe(1);
      expect(apiKeyOf(fake.requests[0]!.headers)).toBe('sk-test-lazy');
    } finally {
      await fake.close();
    }
  });

  it('ship the Powertools Tracer beside a handler, loaded only where the function was deployed with tracing', { timeout: BUILD_TIMEOUT_MS }, async () => {
    const dir = join(outdir, 'traced');
    const code = codeIn(dir);
    for (const specifier of ['@aws-lambda-powertools/tracer', '@aws-lambda-powertools/tracer/middleware']) {
      expect(code.includes(`import("${specifier}")`), specifier).toBe(true);
      expect(existsSync(join(dir, lazyFileOf(specifier))), specifier).toBe(true);
    }
    // the X-Ray SDK is in the Tracer's file, not in the bundle
    expect(code.includes('cls-hooked')).toBe(false);
    const script = `const { handler } = await import(${JSON.stringify(pathToFileURL(join(dir, BUNDLE_FILE)).href)});
      process.stdout.write('\\nRESULT ' + JSON.stringify(await handler({})));`;
    // what the Lambda runtime sets for a sampled invocation (the segments go by UDP to a daemon address, unanswered)
    const lambda = { AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x', LAMBDA_TASK_ROOT: dir, _HANDLER: 'index.handler', _X_AMZN_TRACE_ID: 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1', AWS_REGION: 'us-east-1' };
    const traced = JSON.parse(resultOf((await inFreshNode(script, { ...lambda, POWERTOOLS_TRACE_ENABLED: 'true' })).stdout)) as unknown;
    expect(traced).toEqual(['## index.handler', '## parse']);
    const untraced = JSON.parse(resultOf((await inFreshNode(script, lambda)).stdout)) as unknown;
    expect(untraced).toEqual([null, null]);
  });
});
