import { request, type Dispatcher } from 'undici';
import type { HeaderRecord } from './parse-retry-after.js';

export interface HttpRequestOptions {
  url: string;
  method?: 'GET' | 'POST' | 'DELETE';
  headers: Record<string, string>;
  /** A JSON string or raw bytes, sent as they are. */
  body?: string | Uint8Array;
  signal: AbortSignal;
  /** The keep-alive pool to use; undici's global one when omitted. */
  dispatcher?: Dispatcher;
}

export interface HttpResponse {
  status: number;
  headers: HeaderRecord;
  /** Readable body; iterate it, or call `.text()` / `.json()` once. */
  body: Dispatcher.ResponseData['body'];
}

/**
 * One upstream HTTP call through undici's pooled client (keep-alive per origin). Resolves when the
 * status and headers arrive, whatever the status; rejects only on network failure or abort.
 */
export async function sendHttpRequest(options: HttpRequestOptions): Promise<HttpResponse> {
  const response = await request(options.url, {
    method: options.method ?? 'POST',
    headers: options.headers,
    body: options.body,
    signal: options.signal,
    dispatcher: options.dispatcher,
  });
  return { status: response.statusCode, headers: response.headers, body: response.body };
}

/** Reads a whole body as text, tolerating a body that breaks mid-way (returns what arrived). */
export async function readBodyText(body: HttpResponse['body']): Promise<string> {
  let text = '';
  const decoder = new TextDecoder();
  try {
    for await (const chunk of body) text += decoder.decode(chunk as Uint8Array, { stream: true });
  } catch {
    // A broken error body still tells us something; keep what arrived.
  }
  return text + decoder.decode();
}

/** Parses JSON, or returns undefined: upstream error bodies are not always JSON (proxies, HTML pages). */
export function parseJSONOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
