import { getCredentialFailure } from '../get-credential-failure.js';
import { readOpenAIApiKey } from '../openai-wire/read-openai-api-key.js';
import { renderOpenAIFailure, renderOpenAIInvalidRequest } from '../openai-wire/render-openai-error.js';
import { sendOpenAIError, sendOpenAIJson } from '../openai-wire/send-openai-json.js';
import type { SimulatorExchange } from '../simulator-exchange.js';
import { getResponsesStore } from './responses-store.js';

/**
 * `GET …/responses/{id}` returns a stored Response as created; `DELETE` forgets it. Responses created
 * with `store: false`, deleted, or never made are 404. Like the OpenAI wire's model listing, only a
 * missing or invalid key is refused: quota and rate-limit keys fail generation, not reads.
 */
export function handleStoredResponse(exchange: SimulatorExchange, id: string): void {
  const apiKey = readOpenAIApiKey(exchange.request.rawHeaders);
  const credentialFailure = apiKey === undefined ? undefined : getCredentialFailure(apiKey);
  if (apiKey === undefined || credentialFailure?.kind === 'invalid-key') {
    const failure = credentialFailure ?? { kind: 'missing-key' as const, status: 401 };
    sendOpenAIError(exchange, renderOpenAIFailure(failure, ''));
    return;
  }
  const store = getResponsesStore(exchange.state);
  const stored = store.get(id);
  if (stored === undefined) {
    const rendered = renderOpenAIInvalidRequest(`Response with id '${id}' not found.`, null, null);
    sendOpenAIError(exchange, { ...rendered, status: 404 });
    return;
  }
  if (exchange.method === 'DELETE') {
    store.delete(id);
    sendOpenAIJson(exchange, 200, JSON.stringify({ id, object: 'response', deleted: true }, null, 2));
    return;
  }
  sendOpenAIJson(exchange, 200, JSON.stringify(stored.response, null, 2));
}
