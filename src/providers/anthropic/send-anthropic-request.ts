import type { Dispatcher } from 'undici';
import type { Credential } from '../../spec/provider-adapter.js';
import type { ProviderId } from '../../spec/provider-id.js';
import { convertNetworkError } from '../../lib/convert-network-error.js';
import { readBodyText, sendHttpRequest, type HttpResponse } from '../../lib/http-request.js';
import { convertAnthropicError } from './anthropic-error.js';

/** The only version string the API has (PROVIDERS.md §5.1); the official SDK hard-codes it too. */
export const anthropicVersion = '2023-06-01';

export interface AnthropicHttpCall {
  provider: ProviderId;
  dispatcher?: Dispatcher;
  /** Appended to the base URL, which has no `/v1` (`https://api.anthropic.com`, the SDK's convention). */
  path: string;
  method: 'GET' | 'POST';
  baseUrl: string;
  credential: Credential;
  signal: AbortSignal;
  /** Config headers, plus allow-listed caller headers such as `anthropic-beta` for the pass-through. */
  headers?: Readonly<Record<string, string>>;
  body?: string;
  accept?: string;
}

/**
 * One call to the Messages API family with `x-api-key` and `anthropic-version` (PROVIDERS.md §5.1).
 * Network failures and error statuses become ProviderErrors; resolves once a success status arrived.
 */
export async function sendAnthropicRequest(call: AnthropicHttpCall): Promise<HttpResponse> {
  let response: HttpResponse;
  try {
    response = await sendHttpRequest({
      url: call.baseUrl.replace(/\/+$/, '') + call.path,
      method: call.method,
      headers: {
        ...call.headers,
        ...(call.credential.apiKey !== undefined ? { 'x-api-key': call.credential.apiKey } : {}),
        'anthropic-version': anthropicVersion,
        ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}),
        accept: call.accept ?? 'application/json',
      },
      body: call.body,
      signal: call.signal,
      dispatcher: call.dispatcher,
    });
  } catch (error) {
    throw convertNetworkError(error, call.provider, call.signal);
  }
  if (response.status >= 400) {
    const bodyText = await readBodyText(response.body);
    throw convertAnthropicError({
      provider: call.provider,
      status: response.status,
      headers: response.headers,
      bodyText,
    });
  }
  return response;
}
