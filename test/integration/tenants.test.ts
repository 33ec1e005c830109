import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { openSocket, serveProcess, waitForJob, type ServeInfo } from '../helpers/stack.ts';
import { runCli } from '../helpers/cli.ts';
import { ApiClient, ApiError } from '../../local/cli/api-client.ts';
import { uploadFile } from '../../local/cli/upload.ts';
import type { ApiJob } from '../../functions/core/jobs/job.ts';

/*
 * An operator's tenants, end to end: `admin tenants create` on a data folder (no stack
 * running) prints a working admin key; `disable` through a running `serve` stops the
 * tenant's keys, upload tokens, WebSocket and inbox, while its running job finishes and
 * other tenants go on; `enable` brings it back.
 */

const SAMPLE = join(import.meta.dirname, '../fixtures/call-logs/att-voice.csv');
let dataDir: string;
let serve: { child: ChildProcess; info: ServeInfo } | undefined;

const cli = (args: string[]) => runCli(dataDir, args);

async function apiError(call: Promise<unknown>): Promise<ApiError> {
  const err = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'afp-tenants-'));
});
afterAll(async () => {
  serve?.child.kill('SIGTERM');
  if (serve) await new Promise((r) => serve!.child.once('exit', r));
  await rm(dataDir, { recursive: true, force: true });
});

describe('admin tenants', () => {
  let tenant: { tenantId: string; name: string; status: string };
  let apiKey: string;

  it('create prints the tenant and its first admin key, on a data folder with no stack running', async () => {
    const { code, stdout, stderr } = await cli(['admin', 'tenants', 'create', 'Acme\u202E Ltd', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { tenant: typeof tenant; apiKey: string; keyId: string };
    expect(out.tenant).toMatchObject({ name: 'Acme Ltd', status: 'active' });
    expect(out.tenant.tenantId).toMatch(/^ten_[0-9a-z]{26}$/);
    expect(out.apiKey).toMatch(/^afp_/);
    tenant = out.tenant;
    apiKey = out.apiKey;
    const list = await cli(['admin', 'tenants', 'list', '--json']);
    expect((JSON.parse(list.stdout) as { items: (typeof tenant)[] }).items).toEqual([expect.objectContaining({ tenantId: tenant.tenantId, status: 'active' })]);
  });

  it('refuses what it cannot do, with exit code 2 and a message', async () => {
    const missing = await cli(['admin', 'tenants', 'disable', 'ten_nobody']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No tenant ten_nobody');
    const unnamed = await cli(['admin', 'tenants', 'create', ' ']);
    expect(unnamed.code).toBe(2);
    expect(unnamed.stderr).toContain('needs a tenant name');
  });

  it('a disabled tenant is refused everywhere (with a code saying why), its running job finishes, others go on', async () => {
    // no status cache, so the request right after `disable` already sees it
    serve = await serveProcess(dataDir, { TENANT_STATUS_CACHE_SECONDS: '0' });
    const { info } = serve;
    const api = new ApiClient(info.httpUrl, apiKey);
    expect(await api.get<{ items: unknown[] }>('/v1/jobs')).toMatchObject({ items: [] });
    const upload = await api.post<{ token: string; companionEndpoint: string }>('/v1/upload-tokens', {});
    const running = await uploadFile(api, SAMPLE, { schema: 'call_record' });

    const disabled = await cli(['admin', 'tenants', 'disable', tenant.tenantId]);
    expect(disabled.code).toBe(0);
    expect(disabled.stdout).toContain('disabled');

    const refused = await apiError(api.get('/v1/jobs'));
    expect(refused).toMatchObject({ status: 401, code: 'tenant_disabled' });
    const companion = await fetch(`${upload.companionEndpoint}/s3/multipart`, {
      method: 'POST',
      body: JSON.stringify({ filename: 'a.csv', type: 'text/csv' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(companion.status).toBe(401);
    expect(((await companion.json()) as { error: { code: string } }).error.code).toBe('tenant_disabled');
    await expect(openSocket(info.wsUrl, apiKey)).rejects.toThrow('upgrade refused: 401');

    // a file put straight into the tenant's inbox folder gets a failed job that says why
    const s3 = new S3Client({ endpoint: info.s3Endpoint, forcePathStyle: true, region: 'us-east-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    try {
      await s3.send(new PutObjectCommand({ Bucket: info.uploadBucket, Key: `inbox/${tenant.tenantId}/while-disabled.csv`, Body: 'a,b\n1,2\n', Metadata: { schema: 'call_record' } }));
    } finally {
      s3.destroy();
    }

    // the dev tenant (no tenant record) is not affected
    expect(await new ApiClient(info.httpUrl, info.apiKey).get<{ items: unknown[] }>('/v1/jobs')).toHaveProperty('items');

    const enabled = await cli(['admin', 'tenants', 'enable', tenant.tenantId]);
    expect(enabled.code).toBe(0);
    const finished = await waitForJob(api, running.jobId, 60_000);
    expect(finished.status).toBe('succeeded');
    expect(finished.progress.rowsWritten).toBeGreaterThan(0);

    const deadline = Date.now() + 20_000;
    let inboxJob: ApiJob | undefined;
    while (!inboxJob && Date.now() < deadline) {
      const { items } = await api.get<{ items: ApiJob[] }>('/v1/jobs');
      inboxJob = items.find((j) => j.source.filename === 'while-disabled.csv');
      if (!inboxJob) await new Promise((r) => setTimeout(r, 200));
    }
    expect(inboxJob).toMatchObject({ status: 'failed', error: { type: 'TenantDisabledError' } });

    const list = await cli(['admin', 'tenants', 'list', '--json']);
    expect((JSON.parse(list.stdout) as { items: (typeof tenant)[] }).items).toEqual([expect.objectContaining({ tenantId: tenant.tenantId, status: 'active' })]);
  });
});
