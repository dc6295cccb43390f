import { ProviderError } from '../spec/provider-error.js';
import type { ProviderId } from '../spec/provider-id.js';
import { convertNetworkError } from './convert-network-error.js';
import { parseJSONOrUndefined, type HttpResponse } from './http-request.js';

/** A whole success body as JSON; a cut or non-JSON body is a `server` ProviderError of that provider. */
export async function readJSONBody(
  response: HttpResponse,
  provider: ProviderId,
  signal: AbortSignal,
): Promise<unknown> {
  let text: string;
  try {
    text = await response.body.text();
  } catch (error) {
    throw convertNetworkError(error, provider, signal);
  }
  const body = parseJSONOrUndefined(text);
  if (body === undefined)
    throw new ProviderError({
      kind: 'server',
      provider,
      message: `${provider} returned a body that is not JSON`,
    });
  return body;
}

/** As readJSONBody, for APIs whose every success body is a JSON object. */
export async function readJSONObjectBody(
  response: HttpResponse,
  provider: ProviderId,
  signal: AbortSignal,
): Promise<Record<string, unknown>> {
  const body = await readJSONBody(response, provider, signal);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ProviderError({
      kind: 'server',
      provider,
      message: `${provider} returned a body that is not a JSON object`,
    });
  }
  return body as Record<string, unknown>;
}
