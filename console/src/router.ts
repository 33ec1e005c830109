import { useEffect, useState } from 'preact/hooks';

/*
 * Hash routes (#/jobs/job_1): the console is a set of static files, so any host (the local
 * stack's /console/, an S3 bucket behind CloudFront) serves every screen from index.html.
 */

export type Route =
  | { screen: 'sign-in' }
  | { screen: 'token-upload'; token: string }
  | { screen: 'upload' }
  | { screen: 'jobs' }
  | { screen: 'templates' }
  | { screen: 'webhooks' }
  | { screen: 'api-keys' }
  | { screen: 'job'; jobId: string }
  | { screen: 'mapping'; jobId: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const tokenLink = /^\/import\/([^/]+)$/.exec(path);
  if (tokenLink) return { screen: 'token-upload', token: decodeURIComponent(tokenLink[1]!) };
  const job = /^\/jobs\/([^/]+)(\/mapping)?$/.exec(path);
  if (job) return job[2] ? { screen: 'mapping', jobId: decodeURIComponent(job[1]!) } : { screen: 'job', jobId: decodeURIComponent(job[1]!) };
  if (path === '/jobs') return { screen: 'jobs' };
  if (path === '/templates') return { screen: 'templates' };
  if (path === '/webhooks') return { screen: 'webhooks' };
  if (path === '/api-keys') return { screen: 'api-keys' };
  if (path === '/sign-in') return { screen: 'sign-in' };
  return { screen: 'upload' };
}

export const jobHref = (jobId: string) => `#/jobs/${encodeURIComponent(jobId)}`;
export const mappingHref = (jobId: string) => `${jobHref(jobId)}/mapping`;

export function navigate(href: string): void {
  window.location.hash = href.replace(/^#/, '');
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
