import { ApiClient } from '../local/cli/api-client.ts';
import { uploadParts } from '../local/cli/upload.ts';

/*
 * The bench's upload client (see pipeline-child.ts): creates an upload session on the
 * stack at argv[2] and PUTs every part of the file argv[3] to its presigned URLs, without
 * completing; prints { sessionId, parts, size } as JSON. The API key comes in AFP_API_KEY.
 */
const [stackUrl, file] = process.argv.slice(2);
if (!stackUrl || !file || !process.env.AFP_API_KEY) throw new Error('usage: upload-parts <stack url> <file> (AFP_API_KEY set)');
const api = new ApiClient(stackUrl, process.env.AFP_API_KEY);
process.stdout.write(JSON.stringify(await uploadParts(api, file)));
