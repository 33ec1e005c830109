import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLE_FILE, bundleLambdas, lazyFileOf, lazyPackagesCacheDir } from '../../lib/bundling.ts';
import { PROJECT_ROOT } from '../../lib/project-paths.ts';
import { AppFunction } from '../../lib/constructs/app-function.ts';

// Bundles every function of the app (one esbuild call): ~10 s alone, more beside other tests.
const BUNDLE_TIMEOUT_MS = 180_000;

interface CfnTemplate {
  Resources: Record<string, { Type: string; Properties?: { Code?: { S3Key?: string }; Handler?: string } }>;
}

describe('AppFunction bundling', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'bundling-test-'));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('gives each function its own bundle of its own entry, with an external source map the runtime never loads', { timeout: BUNDLE_TIMEOUT_MS }, async () => {
    const app = new App({ outdir });
    const stack = new Stack(app, 'Bundled');
    const health = new AppFunction(stack, 'Health', { fn: 'api-health', namePrefix: 't', timeout: Duration.seconds(10), memorySize: 128 });
    const status = new AppFunction(stack, 'Status', { fn: 'job-status', namePrefix: 't', timeout: Duration.seconds(10), memorySize: 128 });
    const assembly = app.synth();
    const template = JSON.parse(readFileSync(join(assembly.directory, 'Bundled.template.json'), 'utf8')) as CfnTemplate;
    const assetDir = (fn: AppFunction) => {
      const props = template.Resources[stack.getLogicalId(fn.node.defaultChild as never)]?.Properties;
      expect(props?.Handler).toBe('index.handler');
      return join(assembly.directory, `asset.${props?.Code?.S3Key?.replace(/\.zip$/, '')}`);
    };
    const [healthDir, statusDir] = [assetDir(health), assetDir(status)];
    // CDK caches staged assets by their bundling options: they must name the entry, or every
    // function would deploy the first one's bundle.
    expect(healthDir).not.toBe(statusDir);
    for (const dir of [healthDir, statusDir]) {
      const code = readFileSync(join(dir, BUNDLE_FILE), 'utf8');
      // named by nothing in the bundle: Node would read and decode it at cold start (issue 21)
      expect(code).not.toContain('sourceMappingURL');
      expect(existsSync(join(dir, `${BUNDLE_FILE}.map`))).toBe(true);
    }
    // each bundle holds its own entry: the health check describes the state machine, job-status does not
    expect(readFileSync(join(healthDir, BUNDLE_FILE), 'utf8')).toContain('DescribeStateMachineCommand');
    expect(readFileSync(join(statusDir, BUNDLE_FILE), 'utf8')).not.toContain('DescribeStateMachineCommand');
    const mod = (await import(pathToFileURL(join(healthDir, BUNDLE_FILE)).href)) as { handler?: unknown };
    expect(typeof mod.handler).toBe('function');
  });

  it("keeps the lazy packages' build under node_modules/.cache and ships the same files from it", { timeout: BUNDLE_TIMEOUT_MS }, () => {
    const entries = { ai: 'test/infra/entries/ai-user.ts' };
    const first = bundleLambdas(PROJECT_ROOT, entries, join(outdir, 'first'));
    const cache = lazyPackagesCacheDir(PROJECT_ROOT);
    expect(existsSync(cache)).toBe(true);
    const second = bundleLambdas(PROJECT_ROOT, entries, join(outdir, 'second'));
    // the Anthropic SDK, which the AI client loads on its first call, shipped beside both bundles
    const sdk = lazyFileOf('@anthropic-ai/sdk');
    const shipped = readFileSync(join(second.outdir, 'ai', sdk));
    expect(shipped.equals(readFileSync(join(first.outdir, 'ai', sdk)))).toBe(true);
    expect(shipped.equals(readFileSync(join(cache, sdk)))).toBe(true);
  });
});
