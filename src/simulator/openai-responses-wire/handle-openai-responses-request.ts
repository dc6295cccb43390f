import { sendInvalidUrl } from '../openai-wire/handle-openai-request.js';
import type { SimulatorExchange } from '../simulator-exchange.js';
import { handleResponsesCreate } from './handle-responses-create.js';
import { handleStoredResponse } from './handle-stored-response.js';

const storedResponsePathPattern = /\/responses\/([^/]+)$/;

/**
 * OpenAI's Responses API. Any path that ends in `/responses` creates (POST only), so base URLs such
 * as `…/v1` work as on the chat wire; `GET`/`DELETE …/responses/{id}` read and delete stored
 * responses. Other `…/responses/…` paths (`/input_items`, `/cancel`, `/compact`) are left to the
 * OpenAI wire, which answers them as unknown URLs.
 * @see https://platform.openai.com/docs/api-reference/responses
 */
export function handleOpenAIResponsesRequest(exchange: SimulatorExchange): boolean {
  const { method, path } = exchange;
  if (path.endsWith('/responses')) {
    if (method === 'POST') handleResponsesCreate(exchange);
    else sendInvalidUrl(exchange);
    return true;
  }
  if (method !== 'GET' && method !== 'DELETE') return false;
  const match = storedResponsePathPattern.exec(path);
  if (match === null) return false;
  handleStoredResponse(exchange, decodePathSegment(match[1]!));
  return true;
}

/** A malformed escape cannot name a stored response; it is looked up as sent and not found. */
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
