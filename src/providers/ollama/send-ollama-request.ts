import type { Dispatcher } from 'undici';
import type { Credential } from '../../spec/provider-adapter.js';
import type { ProviderId } from '../../spec/provider-id.js';
import { readBodyText, sendHttpRequest, type HttpResponse } from '../../lib/http-request.js';
import { convertOllamaNetworkError } from './convert-ollama-network-error.js';
import { convertOllamaError } from './ollama-error.js';

export interface OllamaRequest {
  provider: ProviderId;
  dispatcher?: Dispatcher;
  path: '/api/chat' | '/api/tags' | '/api/embed';
  method: 'GET' | 'POST';
  baseUrl: string;
  credential: Credential;
  signal: AbortSignal;
  headers?: Readonly<Record<string, string>>;
  body?: Record<string, unknown>;
  isStream?: boolean;
}

/**
 * One call to Ollama's native API. Resolves once a success status arrived; network failures and error
 * statuses become ProviderErrors. A local Ollama needs no key; a key, when configured (ollama.com),
 * goes as `Authorization: Bearer` (PROVIDERS.md §0).
 */
export async function sendOllamaRequest(options: OllamaRequest): Promise<HttpResponse> {
  let response: HttpResponse;
  try {
    response = await sendHttpRequest({
      url: getOllamaUrl(options.baseUrl, options.path),
      method: options.method,
      headers: {
        ...options.headers,
        ...(options.credential.apiKey ? { authorization: `Bearer ${options.credential.apiKey}` } : {}),
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        accept: options.isStream ? 'application/x-ndjson' : 'application/json',
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      dispatcher: options.dispatcher,
    });
  } catch (error) {
    throw convertOllamaNetworkError(error, options.provider, options.baseUrl, options.signal);
  }
  if (response.status >= 400) {
    throw convertOllamaError({
      provider: options.provider,
      status: response.status,
      headers: response.headers,
      bodyText: await readBodyText(response.body),
    });
  }
  return response;
}

/**
 * The endpoint URL. The base is Ollama's root (`http://localhost:11434`); a base written the OpenAI way
 * (`…/v1`) or the ollama.com way (`https://ollama.com/api`) names the same server, so that suffix is
 * dropped rather than producing `…/v1/api/chat`.
 */
export function getOllamaUrl(baseUrl: string, path: string): string {
  return baseUrl.replace(/\/+$/, '').replace(/\/(v1|api)$/, '') + path;
}
