import { ProviderError } from '../../spec/provider-error.js';
import { convertNetworkError } from '../../lib/convert-network-error.js';
import { parseJSONOrUndefined, type HttpResponse } from '../../lib/http-request.js';

/** A success body as JSON, or a `server` ProviderError when it is cut or not JSON. */
export async function readGeminiJSON(
  response: HttpResponse,
  provider: string,
  signal: AbortSignal,
): Promise<unknown> {
  let text: string;
  try {
    text = await response.body.text();
  } catch (error) {
    throw convertNetworkError(error, provider, signal);
  }
  const body = parseJSONOrUndefined(text);
  if (body === undefined) {
    throw new ProviderError({
      kind: 'server',
      provider,
      message: `${provider} returned a body that is not JSON`,
    });
  }
  return body;
}
