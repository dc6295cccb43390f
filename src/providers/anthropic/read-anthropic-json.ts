import { ProviderError } from '../../spec/provider-error.js';
import type { ProviderId } from '../../spec/provider-id.js';
import { convertNetworkError } from '../../lib/convert-network-error.js';
import { parseJSONOrUndefined, type HttpResponse } from '../../lib/http-request.js';
import { isObject } from './anthropic-api.js';

/** A success body as a JSON object, or a `server` ProviderError when it is cut or not a JSON object. */
export async function readAnthropicJSON(
  response: HttpResponse,
  provider: ProviderId,
  signal: AbortSignal,
): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await response.body.text();
  } catch (error) {
    throw convertNetworkError(error, provider, signal);
  }
  const body = parseJSONOrUndefined(text);
  if (!isObject(body)) {
    throw new ProviderError({
      kind: 'server',
      provider,
      message: `${provider} returned a body that is not a JSON object`,
    });
  }
  return body;
}
