import type { Dispatcher } from 'undici';
import type { Credential } from '../../spec/provider-adapter.js';
import type { ProviderId } from '../../spec/provider-id.js';
import { convertNetworkError } from '../../lib/convert-network-error.js';
import { readBodyText, sendHttpRequest, type HttpResponse } from '../../lib/http-request.js';
import { convertGeminiError } from './gemini-error.js';

export interface GeminiRequest {
  provider: ProviderId;
  dispatcher?: Dispatcher;
  /** The provider's base URL from config: the origin, `…/v1beta` is appended (a trailing one is kept). */
  baseUrl: string;
  /** After the version: `/models/gemini-2.5-flash:generateContent`, `/models?pageSize=1000`. */
  path: string;
  method: 'GET' | 'POST';
  credential: Credential;
  signal: AbortSignal;
  headers?: Readonly<Record<string, string>>;
  body?: string;
  accept?: string;
}

/**
 * One call to the Gemini API with the key in `x-goog-api-key` (PROVIDERS.md §6.1: js-genai's header,
 * never the `?key=` query, which would put the key into URLs and logs). Network failures and error
 * statuses become ProviderErrors; resolves once a success status arrived.
 */
export async function sendGeminiRequest(options: GeminiRequest): Promise<HttpResponse> {
  const { provider, credential } = options;
  let response: HttpResponse;
  try {
    response = await sendHttpRequest({
      url: getGeminiVersionUrl(options.baseUrl) + options.path,
      method: options.method,
      headers: {
        ...options.headers,
        ...(credential.apiKey ? { 'x-goog-api-key': credential.apiKey } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        accept: options.accept ?? 'application/json',
      },
      body: options.body,
      signal: options.signal,
      dispatcher: options.dispatcher,
    });
  } catch (error) {
    throw convertNetworkError(error, provider, options.signal);
  }
  if (response.status >= 400) {
    const bodyText = await readBodyText(response.body);
    throw convertGeminiError({
      provider,
      status: response.status,
      headers: response.headers,
      bodyText,
      apiKey: credential.apiKey,
    });
  }
  return response;
}

/** `https://generativelanguage.googleapis.com` → `…/v1beta`; a base URL that already ends in it stays. */
export function getGeminiVersionUrl(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  return trimmed.endsWith('/v1beta') ? trimmed : `${trimmed}/v1beta`;
}

/** `/models/{model}:{method}`, with a `models/` prefix in the configured id tolerated (the SDK takes both). */
export function getGeminiModelPath(model: string, method: string): string {
  return `/models/${encodeURIComponent(model.replace(/^models\//, ''))}:${method}`;
}
