import * as z from 'zod';
import { HTTP_ROUTES } from '../shared/routes.ts';
import { errorBodySchema, jobSchema, webhookEventSchema } from '../shared/contract/responses.ts';
import { WEBHOOK_EVENT_TYPES } from '../core/webhooks/events.ts';
import { OPERATIONS, type Operation } from './operations.ts';

/*
 * GET /v1/openapi.json: OpenAPI 3.1 built from the zod schemas the handlers validate with
 * (zod 4's toJSONSchema), once per cold start of the one function that serves it; no other
 * function loads it.
 */

type JsonSchema = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: Record<string, unknown>;
  servers?: { url: string }[];
  tags: { name: string; description?: string }[];
  paths: Record<string, Record<string, unknown>>;
  webhooks: Record<string, Record<string, unknown>>;
  components: { securitySchemes: Record<string, unknown>; schemas: Record<string, JsonSchema>; responses: Record<string, unknown> };
}

const ERROR_RESPONSES: Record<number, [name: string, description: string]> = {
  400: ['BadRequest', 'The request is invalid: details name each wrong field'],
  401: ['Unauthorized', 'Missing, invalid or revoked credential'],
  403: ['Forbidden', "The API key's role does not allow this"],
  404: ['NotFound', "No such resource for this tenant (another tenant's ids read as missing)"],
  409: ['Conflict', 'The resource is not in a state that allows this'],
  410: ['Gone', "Past the tenant's retention: code job_expired (details say which part: record, outputs or upload) or upload_expired"],
  413: ['PayloadTooLarge', 'The JSON body is over 4 MiB'],
  429: ['TooManyRequests', 'Over the rate limit of the key or token; retry after Retry-After seconds'],
  503: ['ServiceUnavailable', 'A dependency is down'],
};

const TAGS = [
  { name: 'Uploads', description: 'Presigned multipart uploads with an API key; complete starts the job' },
  { name: 'Upload tokens', description: 'Upload-only, expiring credentials for browsers' },
  { name: 'Uppy companion', description: "The routes @uppy/aws-s3 6.x calls in companion mode; the upload token in the path is the credential" },
  { name: 'Jobs' },
  { name: 'Templates' },
  { name: 'Schemas' },
  { name: 'Webhooks' },
  { name: 'API keys' },
  { name: 'Operations' },
];

/**
 * A zod schema as an OpenAPI 3.1 schema (JSON Schema 2020-12): named sub-schemas (`.meta({ id })`)
 * go to components.schemas and are referenced from there.
 */
function toSchema(schema: z.core.$ZodType, io: 'input' | 'output', components: Record<string, JsonSchema>): JsonSchema {
  const converted = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  const { $schema: _dialect, $defs, ...rest } = converted;
  for (const [name, def] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) components[name] ??= relink(def) as JsonSchema;
  return relink(rest) as JsonSchema;
}

/** `#/$defs/X` (where toJSONSchema puts named schemas) -> `#/components/schemas/X`. */
function relink(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(relink);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' ? v.replace('#/$defs/', '#/components/schemas/') : relink(v)]),
  );
}

const errorRef = (status: number) => ({ $ref: `#/components/responses/${ERROR_RESPONSES[status]![0]}` });

function operationObject(routeKey: string, op: Operation, components: Record<string, JsonSchema>) {
  const [method, path] = routeKey.split(' ') as [string, string];
  const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const parameters: Record<string, unknown>[] = pathParams.map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
    ...(name === 'uploadToken' ? { description: 'The upload token (afpu_...): the credential of this route' } : {}),
  }));
  if (op.query) {
    const query = toSchema(op.query, 'input', components) as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      parameters.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema });
    }
  }
  const errors = new Set<number>(op.errors ?? []);
  if (op.auth.kind !== 'none') [401, 429].forEach((s) => errors.add(s));
  if (op.auth.kind === 'apiKey' && op.auth.role !== 'viewer') errors.add(403);
  if (op.body || op.query || pathParams.length > 0) errors.add(400);
  if (pathParams.length > 0) errors.add(404);
  if (op.body) errors.add(413);
  const success: Record<string, unknown> = { description: op.success.description };
  if (op.success.schema) success.content = { 'application/json': { schema: toSchema(op.success.schema, 'output', components) } };
  else if (op.success.status !== 204) success.content = { 'application/json': { schema: { type: ['object', 'array'] } } };
  const role = op.auth.kind === 'apiKey' ? op.auth.role : undefined;
  return [
    method.toLowerCase(),
    {
      operationId: `${method.toLowerCase()}${path.replace(/[{}]/g, '').split(/[/.-]/).filter(Boolean).map((s) => s[0]!.toUpperCase() + s.slice(1)).join('')}`,
      summary: op.summary,
      tags: [op.tag],
      ...(role ? { description: `Needs an API key with role ${role} or above.`, 'x-required-role': role } : {}),
      security: op.auth.kind === 'apiKey' ? [{ apiKey: [] }] : [],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(op.body, 'input', components) } } } } : {}),
      responses: {
        [String(op.success.status)]: success,
        ...Object.fromEntries([...errors].sort().map((s) => [String(s), errorRef(s)])),
      },
    },
  ] as const;
}

function webhookObject(type: (typeof WEBHOOK_EVENT_TYPES)[number], components: Record<string, JsonSchema>) {
  const header = (name: string, description: string) => ({ name, in: 'header', required: true, schema: { type: 'string' }, description });
  return {
    post: {
      summary: `${type}: sent to each subscribed endpoint`,
      description: 'Standard Webhooks: verify webhook-signature with the endpoint secret (any Standard Webhooks library). Retried with backoff for about a day.',
      parameters: [
        header('webhook-id', 'The same on every retry and replay of this event to this endpoint: deduplicate on it'),
        header('webhook-timestamp', 'Unix seconds when this attempt was signed'),
        header('webhook-signature', 'v1,<base64 HMAC-SHA256 of id.timestamp.body>; during a secret rotation two signatures'),
      ],
      requestBody: { required: true, content: { 'application/json': { schema: toSchema(webhookEventSchema(type), 'output', components) } } },
      responses: {
        '2XX': { description: 'Delivered' },
        '410': { description: 'Disables the endpoint' },
        '429': { description: 'Retried after Retry-After' },
      },
    },
  };
}

/** The whole document; throws when a route has no operation or an operation no route. */
export function buildOpenApiDocument(): OpenApiDocument {
  const routeKeys = new Set(HTTP_ROUTES.map((r) => r.routeKey));
  const missing = [...routeKeys].filter((k) => !OPERATIONS[k]);
  const unknown = Object.keys(OPERATIONS).filter((k) => !routeKeys.has(k));
  if (missing.length > 0 || unknown.length > 0) {
    throw new Error(`OpenAPI operations out of step with routes.ts: missing ${missing.join(', ') || 'none'}; unknown ${unknown.join(', ') || 'none'}`);
  }
  const schemas: Record<string, JsonSchema> = {};
  // named (.meta({ id })): converting them registers them under components.schemas
  toSchema(errorBodySchema, 'output', schemas);
  toSchema(jobSchema, 'output', schemas);
  const paths: OpenApiDocument['paths'] = {};
  for (const { routeKey } of HTTP_ROUTES) {
    const [method, operation] = operationObject(routeKey, OPERATIONS[routeKey]!, schemas);
    const path = routeKey.split(' ')[1]!;
    (paths[path] ??= {})[method] = operation;
  }
  const webhooks = Object.fromEntries(WEBHOOK_EVENT_TYPES.map((type) => [type, webhookObject(type, schemas)]));
  const responses = Object.fromEntries(
    Object.entries(ERROR_RESPONSES).map(([status, [name, description]]) => [
      name,
      {
        description,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        ...(status === '429' ? { headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'seconds' } } } : {}),
      },
    ]),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'ai-file-parser API',
      version: '1',
      description:
        'Upload messy files, get clean typed records. Authenticate with `Authorization: Bearer <API key>`; browsers upload with an upload token instead (the Uppy companion routes). Errors are `{ error: { code, message, details? } }`.',
    },
    tags: TAGS,
    paths,
    webhooks,
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key (afp_...): one tenant, a role (admin > member > viewer), a rate limit' },
      },
      schemas,
      responses,
    },
  };
}
