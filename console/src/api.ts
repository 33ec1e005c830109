/*
 * The console's HTTP client: every call carries the signed-in API key, and every failed
 * call becomes an ApiError holding the API's own message, which the screens show as is.
 */

export interface ConsoleConfig {
  /** the HTTP API's base URL (without /v1) */
  apiUrl: string;
  /** the WebSocket API's URL (progress) */
  wsUrl: string;
}

/** config.json sits beside index.html: `serve` answers it locally, the deploy writes it on AWS. */
export async function loadConfig(): Promise<ConsoleConfig> {
  const res = await fetch(new URL('config.json', document.baseURI));
  if (!res.ok) throw new Error(`config.json could not be loaded (HTTP ${res.status})`);
  return (await res.json()) as ConsoleConfig;
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** The API's `{ error: { message } }`, or API Gateway's own `{ message }`, or the status line. */
async function errorOf(res: Response): Promise<ApiError> {
  const text = await res.text();
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string }; message?: string };
    const message = body.error?.message ?? body.message;
    if (message) return new ApiError(message, res.status, body.error?.code);
  } catch {
    // not JSON: fall through to the status line
  }
  return new ApiError(`HTTP ${res.status} ${res.statusText}`.trim(), res.status);
}

export class Api {
  constructor(
    readonly config: ConsoleConfig,
    readonly apiKey: string,
  ) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.config.apiUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.apiKey}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
    } catch {
      throw new ApiError(`The API at ${this.config.apiUrl} could not be reached`, 0);
    }
    if (!res.ok) throw await errorOf(res);
    return (res.status === 204 ? undefined : await res.json()) as T;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }
  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }
  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }
  delete(path: string): Promise<void> {
    return this.request<void>('DELETE', path);
  }
}

/** A query string from the set values only. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
