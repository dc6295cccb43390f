import { Agent, request } from 'undici';
import { readEnvironment } from '../config/read-environment.js';
import { readBodyText, parseJSONOrUndefined, type HttpResponse } from '../lib/http-request.js';
import { defaultGatewayUrl } from './add-gateway-options.js';

export interface GatewayClientOptions {
  /** `--url`; else `ARBITER_URL`; else http://127.0.0.1:8000. A trailing `/v1` is dropped. */
  url?: string;
  /** `--api-key`; else `ARBITER_API_KEY`, else `ARBITER_ADMIN_KEY`. Sent as `Authorization: Bearer`. */
  apiKey?: string;
  /** Default `process.env` over the working directory's `.env`, as the gateway itself reads them. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** A small HTTP client for a running gateway: the chat-service endpoints and the OpenAI API. */
export interface GatewayClient {
  /** The gateway's base URL, without a trailing slash. */
  readonly url: string;
  /** GET and parse a JSON answer. Throws GatewayUnreachableError or GatewayRequestError. */
  getJson<T>(path: string): Promise<T>;
  /** POST a JSON body; resolves with the open response (stream it) when the status is below 400. */
  post(path: string, body: unknown, signal?: AbortSignal): Promise<HttpResponse>;
  /** Closes the kept-alive connection, so a finished command exits at once instead of after its timeout. */
  close(): Promise<void>;
}

/** Nothing answered at the URL: the gateway is not running there (exit code 3). */
export class GatewayUnreachableError extends Error {
  override readonly name = 'GatewayUnreachableError';
  constructor(readonly url: string) {
    super(`no gateway at ${url} — start one with \`arbiter serve\` or pass --url`);
  }
}

/** `--url` / `ARBITER_URL` is not a URL (exit code 2, like any invalid setting). */
export class InvalidGatewayUrlError extends Error {
  override readonly name = 'InvalidGatewayUrlError';
}

/** The gateway answered with an error status; `message` is its own explanation. */
export class GatewayRequestError extends Error {
  override readonly name = 'GatewayRequestError';
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/**
 * A client for the gateway at `--url` / `ARBITER_URL`, with the key from `--api-key` /
 * `ARBITER_API_KEY` / `ARBITER_ADMIN_KEY`. A refused connection becomes one clear sentence, and an
 * error answer carries the gateway's own message; the key itself is never part of either.
 * @example const client = createGatewayClient({ url: options.url }); await client.getJson('/models');
 */
export function createGatewayClient(options: GatewayClientOptions = {}): GatewayClient {
  const env = options.env ?? readEnvironment(process.cwd(), process.env);
  const url = normalizeUrl(options.url ?? env.ARBITER_URL ?? defaultGatewayUrl);
  const apiKey = options.apiKey ?? env.ARBITER_API_KEY ?? env.ARBITER_ADMIN_KEY;
  const headers: Record<string, string> = apiKey ? { authorization: `Bearer ${apiKey}` } : {};
  const dispatcher = new Agent({ connect: { timeout: 5_000 } });

  async function send(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal) {
    let response;
    try {
      response = await request(url + path, {
        method,
        headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
        dispatcher,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new GatewayUnreachableError(url);
    }
    if (response.statusCode >= 400) {
      const text = await readBodyText(response.body);
      throw toRequestError(response.statusCode, text);
    }
    return { status: response.statusCode, headers: response.headers, body: response.body };
  }

  return {
    url,
    async getJson<T>(path: string): Promise<T> {
      const response = await send('GET', path);
      return (await response.body.json()) as T;
    },
    post: (path, body, signal) => send('POST', path, body, signal),
    close: () => dispatcher.close(),
  };
}

/** `localhost:8000` and `127.0.0.1:8000` mean http; a trailing `/` or `/v1` (an SDK base URL) is dropped. */
function normalizeUrl(text: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let parsed: URL | undefined;
  try {
    parsed = new URL(withScheme);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !['http:', 'https:'].includes(parsed.protocol)) {
    throw new InvalidGatewayUrlError(
      `"${text}" is not a URL (--url or ARBITER_URL, e.g. ${defaultGatewayUrl})`,
    );
  }
  return parsed.href.replace(/\/+$/, '').replace(/\/v1$/, '');
}

function toRequestError(status: number, text: string): GatewayRequestError {
  const body = parseJSONOrUndefined(text) as { error?: { message?: unknown; code?: unknown } } | undefined;
  const message = typeof body?.error?.message === 'string' ? body.error.message : text.trim().slice(0, 300);
  const code = typeof body?.error?.code === 'string' ? body.error.code : undefined;
  const hint =
    status === 401 || status === 403
      ? ' (pass --api-key, or set ARBITER_API_KEY, with a key the gateway accepts)'
      : '';
  return new GatewayRequestError(status, `${message || `HTTP ${status}`}${hint}`, code);
}
