import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import Uppy from '@uppy/core';
import AwsS3 from '@uppy/aws-s3';
import Dashboard from '@uppy/dashboard';
import '@uppy/core/css/style.min.css';
import '@uppy/dashboard/css/style.min.css';
import { useSession } from '../context.ts';
import type { UploadTokenIssued } from '../api-types.ts';
import { ErrorNote } from '../components/common.tsx';
import { SchemaSelect } from '../components/schema-select.tsx';
import { repairDashboardA11y } from '../components/uppy-a11y.ts';
import { jobHref, navigate } from '../router.ts';
import { CONSOLE_TOKEN_TTL_SECONDS, keepUploadToken, keptUploadOptions, keptUploadToken, restoreUploads, uploadStoreId, type KeptUploadToken } from '../upload-resume.ts';

/*
 * Upload through Uppy's Dashboard with an upload token minted with the signed-in key: the
 * token carries the schema and time zone chosen here, and Uppy talks to the token's
 * companion endpoint (no API key in any upload request). Choosing other options mints a new
 * token and re-installs the uploader; files already added stay. The token is kept for this
 * tab, so an upload interrupted by a reload continues where it stopped (upload-resume.ts).
 */

const JOB_ID = /\/v1\/jobs\/([^/?#]+)$/;

const timeZones = (): string[] => {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
};

export function Upload() {
  const { api } = useSession();
  // after a reload, the options the tab's uploads were begun with
  const kept = useMemo(() => keptUploadOptions(), []);
  const [schema, setSchema] = useState(kept?.schema ?? 'auto');
  // '' = the file's own: the zone of the country its numbers or headers show, else UTC
  const [timezone, setTimezone] = useState(kept?.timezone ?? '');
  const token = useRef<KeptUploadToken | undefined>(undefined);
  const [restored, setRestored] = useState(false);
  const [restarted, setRestarted] = useState<string[]>([]);
  const [tokenError, setTokenError] = useState<unknown>(null);
  const [ready, setReady] = useState(false);
  const [started, setStarted] = useState<{ name: string; jobId: string }[]>([]);
  const [uploadErrors, setUploadErrors] = useState<string[]>([]);
  const target = useRef<HTMLDivElement>(null);
  const uppyRef = useRef<Uppy | null>(null);

  useEffect(() => {
    const uppy = new Uppy({ id: uploadStoreId(), autoProceed: false });
    uppy.use(Dashboard, {
      inline: true,
      target: target.current!,
      width: '100%',
      height: 320,
      proudlyDisplayPoweredByUppy: false,
      note: 'CSV, TSV, XLSX, PDF, DOCX, JSON or NDJSON, up to 5 GiB each',
    });
    uppy.on('upload-success', (file, response) => {
      const location = (response.body as { location?: string } | undefined)?.location ?? '';
      const jobId = JOB_ID.exec(location)?.[1];
      if (file && jobId) setStarted((s) => [...s, { name: file.name ?? jobId, jobId }]);
    });
    uppy.on('restored', () => setRestored(uppy.getFiles().length > 0));
    uppy.on('upload', () => setRestored(false));
    uppy.on('upload-error', (file, error) => setUploadErrors((e) => [...e, `${file?.name ?? 'a file'}: ${error.message}`]));
    uppy.on('complete', (result) => {
      // one file: open its job at once; several: the list below links each job
      const only = result.successful?.length === 1 && !result.failed?.length ? result.successful[0] : undefined;
      const jobId = only ? JOB_ID.exec((only.response?.body as { location?: string } | undefined)?.location ?? '')?.[1] : undefined;
      if (jobId) navigate(jobHref(jobId));
    });
    uppyRef.current = uppy;
    const stopRepair = repairDashboardA11y(target.current!);
    return () => {
      stopRepair();
      uppy.destroy();
      uppyRef.current = null;
    };
  }, []);

  useEffect(() => {
    let current = true;
    setReady(false);
    setTokenError(null);
    const reusable = keptUploadToken();
    const body = { name: 'web console', expiresIn: CONSOLE_TOKEN_TTL_SECONDS, ...(schema !== 'auto' && { schema }), options: timezone === '' ? {} : { timezone } };
    const tokenReady =
      reusable?.schema === schema && reusable.timezone === timezone
        ? Promise.resolve(reusable)
        : api.post<UploadTokenIssued>('/v1/upload-tokens', body).then((issued) => keepUploadToken(issued, { schema, timezone }));
    tokenReady.then(
      (kept) => {
        const uppy = uppyRef.current;
        if (!current || !uppy) return;
        token.current = kept;
        const previous = uppy.getPlugin('AwsS3');
        if (previous) uppy.removePlugin(previous);
        // multipart always: its complete call answers with the job, which the page then opens
        uppy.use(AwsS3, { companionEndpoint: kept.companionEndpoint, shouldUseMultipart: true });
        // after the uploader, so a restored upload can be resumed as soon as it shows
        if (!uppy.getPlugin('GoldenRetriever')) restoreUploads(uppy, () => token.current?.tokenId, setRestarted);
        setReady(true);
      },
      (err: unknown) => current && setTokenError(err),
    );
    return () => {
      current = false;
    };
  }, [api, schema, timezone]);

  return (
    <main id="main" tabIndex={-1}>
      <h1>Upload</h1>
      <form class="options" onSubmit={(e) => e.preventDefault()}>
        <SchemaSelect id="upload-schema" value={schema} onChange={setSchema} anyValue="auto" anyLabel="Detect from the file" />
        <div class="field">
          <label for="upload-timezone">Time zone of times without one</label>
          <select id="upload-timezone" value={timezone} onChange={(e) => setTimezone(e.currentTarget.value)}>
            <option value="">The file's country's, else UTC</option>
            {timeZones().map((tz) => (
              <option key={tz} value={tz}>
                {tz}
              </option>
            ))}
          </select>
        </div>
      </form>
      <ErrorNote error={tokenError} />
      <p class="hint" aria-live="polite">
        {!ready
          ? 'Preparing an upload token…'
          : restored
            ? 'Files from before the page was reloaded are back: press Upload to continue from the parts already sent. The browser keeps files only up to 10 MiB: choose a larger one again first (Re-select).'
            : 'Ready: add files, then press Upload. Each upload opens its job.'}
      </p>
      {restarted.length > 0 && (
        <p class="hint" role="status">
          {restarted.join(', ')}: will upload again from the start (the upload token that began {restarted.length === 1 ? 'it' : 'them'} has expired or the options changed).
        </p>
      )}
      <div ref={target} class="dashboard" />
      {uploadErrors.length > 0 && (
        <ul class="error" role="alert">
          {uploadErrors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <UploadLink schema={schema} timezone={timezone} />
      {started.length > 0 && (
        <section aria-labelledby="started-jobs">
          <h2 id="started-jobs">Started jobs</h2>
          <ul>
            {started.map((s) => (
              <li key={s.jobId}>
                <a href={jobHref(s.jobId)}>{s.name}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}

/**
 * An upload link for someone without an API key: a token with the options chosen above, in
 * the fragment of a console address (#/import/<token>), valid for a day.
 */
function UploadLink({ schema, timezone }: { schema: string; timezone: string }) {
  const { api } = useSession();
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function create() {
    setError(null);
    try {
      const body = { name: 'upload link', expiresIn: 24 * 60 * 60, ...(schema !== 'auto' && { schema }), options: { timezone } };
      const issued = await api.post<UploadTokenIssued>('/v1/upload-tokens', body);
      const url = new URL(window.location.href);
      url.hash = `/import/${encodeURIComponent(issued.token)}`;
      setLink({ url: url.href, expiresAt: issued.expiresAt });
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section aria-labelledby="upload-link">
      <h2 id="upload-link">Upload link</h2>
      <p>Someone without an API key can upload with a link, with the schema and time zone above. They see only their own uploads.</p>
      <button type="button" onClick={() => void create()}>
        Create upload link
      </button>
      <ErrorNote error={error} />
      {link && (
        <p role="status">
          Upload link (shown once, valid until {new Date(link.expiresAt).toLocaleString()}): <code class="link-text">{link.url}</code>
        </p>
      )}
    </section>
  );
}
