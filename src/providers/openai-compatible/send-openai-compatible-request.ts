import type { Credential } from '../../spec/provider-adapter.js';
import { convertNetworkError } from '../../lib/convert-network-error.js';
import { readBodyText, sendHttpRequest, type HttpResponse } from '../../lib/http-request.js';
import type { OpenAICompatibleConfig, OpenAICompatiblePath } from './openai-compatible-config.js';
import { convertOpenAICompatibleError } from './openai-compatible-error.js';

export interface OpenAICompatibleRequest {
  path: OpenAICompatiblePath;
  method: 'GET' | 'POST';
  model: string;
  baseUrl: string;
  credential: Credential;
  signal: AbortSignal;
  headers?: Readonly<Record<string, string>>;
  body?: string;
  accept?: string;
}

/**
 * One call to an OpenAI-compatible host: URL and auth from the host's hooks, a ProviderError for network
 * failures and error statuses. Resolves with the response once a success status arrived.
 */
export async function sendOpenAICompatibleRequest(
  config: OpenAICompatibleConfig,
  options: OpenAICompatibleRequest,
): Promise<HttpResponse> {
  const buildUrl = config.buildUrl ?? ((baseUrl: string, path: string) => baseUrl.replace(/\/+$/, '') + path);
  const authHeaders = config.getAuthHeaders
    ? config.getAuthHeaders(options.credential)
    : options.credential.apiKey
      ? { authorization: `Bearer ${options.credential.apiKey}` }
      : {};
  let response: HttpResponse;
  try {
    response = await sendHttpRequest({
      url: buildUrl(options.baseUrl, options.path, options.model),
      method: options.method,
      headers: {
        ...options.headers,
        ...authHeaders,
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        accept: options.accept ?? 'application/json',
      },
      body: options.body,
      signal: options.signal,
      dispatcher: config.dispatcher,
    });
  } catch (error) {
    throw convertNetworkError(error, config.provider, options.signal);
  }
  if (response.status >= 400) {
    const bodyText = await readBodyText(response.body);
    throw convertOpenAICompatibleError({
      provider: config.provider,
      status: response.status,
      headers: response.headers,
      bodyText,
    });
  }
  return response;
}
