import { SFNClient } from '@aws-sdk/client-sfn';
import { withoutSdkCallLogging } from './aws-clients.ts';
import { traced } from '../shared/tracer.ts';

/** The Step Functions client, created once per cold start (aws-clients.ts says why each service has a module of its own). */
let sfn: SFNClient | undefined;

export function sfnClient(): SFNClient {
  sfn ??= traced(withoutSdkCallLogging(new SFNClient({})));
  return sfn;
}
