import { useEffect, useMemo, useState } from 'preact/hooks';
import { Api, type ConsoleConfig } from './api.ts';
import { SessionContext, type Session } from './context.ts';
import { LiveJobs } from './live.ts';
import { navigate, useRoute, type Route } from './router.ts';
import { forgetApiKey, readApiKey, saveApiKey } from './session.ts';
import { forgetUploads } from './upload-resume.ts';
import { SignIn } from './screens/sign-in.tsx';
import { Upload } from './screens/upload.tsx';
import { Jobs } from './screens/jobs.tsx';
import { JobPage } from './screens/job.tsx';
import { MappingReview } from './screens/mapping-review.tsx';
import { Webhooks } from './screens/webhooks.tsx';
import { Templates } from './screens/templates.tsx';
import { TokenUpload } from './screens/token-upload.tsx';
import { ApiKeys } from './screens/api-keys.tsx';

const TITLES: Record<Route['screen'], string> = {
  'sign-in': 'Sign in',
  'token-upload': 'Upload files',
  upload: 'Upload',
  jobs: 'Jobs',
  templates: 'Templates',
  webhooks: 'Webhooks',
  'api-keys': 'API keys',
  job: 'Job',
  mapping: 'Mapping review',
};

export function App({ config }: { config: ConsoleConfig }) {
  const route = useRoute();
  const [apiKey, setApiKey] = useState(readApiKey);
  const session = useMemo<Session | null>(() => (apiKey ? { api: new Api(config, apiKey), live: new LiveJobs(config.wsUrl, apiKey) } : null), [config, apiKey]);
  useEffect(() => () => session?.live.close(), [session]);
  useEffect(() => {
    document.title = `${TITLES[session || route.screen === 'token-upload' ? route.screen : 'sign-in']} · ai-file-parser`;
  }, [route, session]);

  // an upload link needs no sign-in: the token in it is the only credential
  if (route.screen === 'token-upload') return <TokenUpload config={config} token={route.token} />;
  if (!session) {
    return (
      <SignIn
        config={config}
        onSignedIn={(key) => {
          saveApiKey(key);
          setApiKey(key);
          if (route.screen === 'sign-in') navigate('#/upload');
        }}
      />
    );
  }

  const signOut = () => {
    forgetApiKey();
    forgetUploads();
    setApiKey(null);
    navigate('#/sign-in');
  };

  return (
    <SessionContext.Provider value={session}>
      <a class="skip-link" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        Skip to content
      </a>
      <header class="top">
        <span class="brand">ai-file-parser</span>
        <nav aria-label="Console">
          <a href="#/upload" aria-current={route.screen === 'upload' ? 'page' : undefined}>
            Upload
          </a>
          <a href="#/jobs" aria-current={route.screen === 'jobs' ? 'page' : undefined}>
            Jobs
          </a>
          <a href="#/templates" aria-current={route.screen === 'templates' ? 'page' : undefined}>
            Templates
          </a>
          <a href="#/webhooks" aria-current={route.screen === 'webhooks' ? 'page' : undefined}>
            Webhooks
          </a>
          <a href="#/api-keys" aria-current={route.screen === 'api-keys' ? 'page' : undefined}>
            API keys
          </a>
        </nav>
        <button type="button" class="link" onClick={signOut}>
          Sign out
        </button>
      </header>
      <Screen route={route} />
    </SessionContext.Provider>
  );
}

function Screen({ route }: { route: Route }) {
  switch (route.screen) {
    case 'job':
      return <JobPage key={route.jobId} jobId={route.jobId} />;
    case 'mapping':
      return <MappingReview key={route.jobId} jobId={route.jobId} />;
    case 'jobs':
      return <Jobs />;
    case 'templates':
      return <Templates />;
    case 'webhooks':
      return <Webhooks />;
    case 'api-keys':
      return <ApiKeys />;
    default:
      return <Upload />;
  }
}
