import { KMSClient } from '@aws-sdk/client-kms';
import { withoutSdkCallLogging } from './aws-clients.ts';
import { traced } from '../shared/tracer.ts';

/** The KMS client, created once per cold start (aws-clients.ts says why each service has a module of its own). */
let kms: KMSClient | undefined;

/** Webhook signing secrets are sealed and opened with KMS (secret-sealer.ts). */
export function kmsClient(): KMSClient {
  kms ??= traced(withoutSdkCallLogging(new KMSClient({})));
  return kms;
}
