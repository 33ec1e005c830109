import { uploadTokenApi } from '../shared/http/upload-token-api.ts';
import { lazyRoutes } from '../shared/http/lazy-routes.ts';
import { requiredEnv } from '../shared/config.ts';
import { ENV } from '../shared/env-names.ts';

/*
 * The routes @uppy/aws-s3 6.x calls in companion mode (its CompanionS3 client), under
 * /v1/companion/{uploadToken}: the upload token in the path is the only credential. Answers
 * have Companion's shapes; errors keep the API's error body (Uppy reads only the status).
 * The token's checks (an unknown route; a missing, expired or revoked token; a disabled
 * tenant; the token's rate limit) are all this module loads at init; the routes' code (the
 * upload flow, the contracts and zod, the signer) is loaded by the first request that passes
 * them (shared/http/lazy-routes.ts).
 */
const routes = lazyRoutes(() => import('./routes.ts'));

// a function deployed without its bucket fails at init, not on its first upload
requiredEnv(ENV.uploadBucket);

export const handler = uploadTokenApi({
  'POST /v1/companion/{uploadToken}/s3/multipart': routes('createMultipart'),
  'GET /v1/companion/{uploadToken}/s3/multipart/{uploadId}/{partNumber}': routes('signPart'),
  'GET /v1/companion/{uploadToken}/s3/multipart/{uploadId}': routes('listParts'),
  'POST /v1/companion/{uploadToken}/s3/multipart/{uploadId}/complete': routes('completeMultipart'),
  'GET /v1/companion/{uploadToken}/s3/params': routes('formParams'),
  'POST /v1/companion/{uploadToken}/s3/sign': routes('signRequest'),
  'GET /v1/companion/{uploadToken}/jobs/{jobId}': routes('getJob'),
  'DELETE /v1/companion/{uploadToken}/s3/multipart/{uploadId}': routes('abortMultipart'),
});
