import type { S3Client } from '@aws-sdk/client-s3';
import { withoutSdkCallLogging } from './aws-clients.ts';
import { ENV } from '../shared/env-names.ts';
import { optionalEnv } from '../shared/config.ts';
import { traced } from '../shared/tracer.ts';
import { logger } from '../shared/logger.ts';

/** The S3 part of the AWS SDK (s3-sdk.ts), as the adapters use it. */
export type S3Sdk = typeof import('./s3-sdk.ts');

/*
 * The S3 client, made on the first call that touches an object, not at init. An exception to
 * "SDK clients at module scope", for cold starts: the S3 client and what comes with it (the
 * presigner, multipart uploads, XML serde, checksums: ~160 KB of the bundle, about a third of a
 * one-table function's import CPU) were compiled and run at every cold start of every function
 * that stores objects, including those whose requests mostly never do (job status and lists,
 * account edits, template reads). The module is loaded with import() once per container and
 * memoised; the bundler splits it into a file of its own (lib/bundling.ts), so it is neither
 * compiled nor run before that call.
 */

/**
 * SigV4 signs a byte or string body by hashing all of it (SHA-256) before it is sent:
 * 10-20 ms of CPU for each 15 MB chunk of records Enrich writes. S3 accepts the literal UNSIGNED-PAYLOAD
 * instead (the SDK already sends stream bodies that way); the request itself stays
 * signed and TLS protects the bytes in transit.
 */
function withUnsignedPayloads(client: S3Client): S3Client {
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { method?: string; body?: unknown; headers?: Record<string, string> };
      // the bodies the signer would hash: bytes and strings (object puts)
      const hashed = typeof request.body === 'string' || ArrayBuffer.isView(request.body);
      if (request.method === 'PUT' && request.headers && hashed) request.headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
      return next(args);
    },
    { step: 'build', name: 'unsignedPayloads' },
  );
  return client;
}

function createS3Client(sdk: S3Sdk): S3Client {
  return traced(
    withUnsignedPayloads(
      withoutSdkCallLogging(
        new sdk.S3Client({
          forcePathStyle: optionalEnv(ENV.s3ForcePathStyle) === 'true',
          // Presigned part URLs would otherwise carry the CRC32 of an empty body, which the
          // browser's real part then contradicts; checksums only where an operation needs one.
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
        }),
      ),
    ),
  );
}

export interface S3 {
  client: S3Client;
  sdk: S3Sdk;
}

let loading: Promise<S3> | undefined;

/**
 * The container's S3 client and the SDK's S3 commands, loaded on the first call. The load is
 * logged once per container (`s3LoadMs`), beside the `initDurationMs` of logger.ts: the part
 * of a cold start that this moved from init to the first request that touches an object.
 */
export function s3(): Promise<S3> {
  const started = performance.now();
  loading ??= import('./s3-sdk.ts').then(
    (sdk) => {
      const loaded = { sdk, client: createS3Client(sdk) };
      logger.info('s3 client loaded', { s3LoadMs: Math.round(performance.now() - started) });
      return loaded;
    },
    (err: unknown) => {
      loading = undefined; // a failed load is tried again by the next call, not remembered
      throw err;
    },
  );
  return loading;
}
