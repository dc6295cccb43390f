import { getBehaviourProfile } from '../behaviour-profiles.js';
import { getCredentialFailure } from '../get-credential-failure.js';
import type { SimulatorExchange } from '../simulator-exchange.js';
import { handleOpenAIChat } from './handle-openai-chat.js';
import { handleOpenAIEmbeddings } from './handle-openai-embeddings.js';
import { readOpenAIApiKey } from './read-openai-api-key.js';
import { renderOpenAIFailure, renderOpenAIInvalidRequest } from './render-openai-error.js';
import { renderOpenAIModel, renderOpenAIModels } from './render-openai-models.js';
import { sendOpenAIError, sendOpenAIJson } from './send-openai-json.js';

const modelPathPattern = /\/models\/([^/]+)$/;

/**
 * The OpenAI wire. Any path that ends in `/chat/completions`, `/embeddings` or `/models` is served, so one simulator
 * stands in for base URLs such as `…/v1` (OpenAI), `…/openai/v1` (Groq) or the bare host (DeepSeek),
 * PROVIDERS.md §3.
 */
export function handleOpenAIRequest(exchange: SimulatorExchange): boolean {
  const { method, path } = exchange;
  if (path.endsWith('/chat/completions')) {
    if (method === 'POST') handleOpenAIChat(exchange);
    else sendInvalidUrl(exchange);
    return true;
  }
  if (path.endsWith('/embeddings')) {
    if (method === 'POST') handleOpenAIEmbeddings(exchange);
    else sendInvalidUrl(exchange);
    return true;
  }
  const modelMatch = method === 'GET' ? modelPathPattern.exec(path) : null;
  if (method === 'GET' && (path.endsWith('/models') || modelMatch !== null)) {
    const apiKey = readOpenAIApiKey(exchange.request.rawHeaders);
    const credentialFailure = apiKey === undefined ? undefined : getCredentialFailure(apiKey);
    if (apiKey === undefined || credentialFailure?.kind === 'invalid-key') {
      const failure = credentialFailure ?? { kind: 'missing-key' as const, status: 401 };
      sendOpenAIError(exchange, renderOpenAIFailure(failure, ''));
      return true;
    }
    const profiles = exchange.state.profiles;
    if (modelMatch === null) {
      sendOpenAIJson(exchange, 200, renderOpenAIModels(profiles.keys()));
      return true;
    }
    const id = decodeURIComponent(modelMatch[1]!);
    if (getBehaviourProfile(id, profiles) === undefined) {
      sendOpenAIError(exchange, renderOpenAIFailure({ kind: 'not-found', status: 404 }, id));
    } else {
      sendOpenAIJson(exchange, 200, renderOpenAIModel(id));
    }
    return true;
  }
  return false;
}

/** OpenAI's answer to a path or method it does not serve. */
export function sendInvalidUrl(exchange: SimulatorExchange): void {
  const rendered = renderOpenAIInvalidRequest(
    `Invalid URL (${exchange.method} ${exchange.path})`,
    null,
    null,
  );
  sendOpenAIError(exchange, { ...rendered, status: 404 });
}
