import { getCredentialFailure } from '../get-credential-failure.js';
import type { SimulatorExchange } from '../simulator-exchange.js';
import { handleGeminiCountTokens } from './handle-gemini-count-tokens.js';
import { handleGeminiEmbed } from './handle-gemini-embed.js';
import { handleGeminiGenerate } from './handle-gemini-generate.js';
import { handleGeminiModels } from './handle-gemini-models.js';
import type { GeminiWireCall } from './gemini-wire-types.js';
import { readGeminiApiKey } from './read-gemini-api-key.js';
import { renderGeminiFailure, type RenderedGeminiError } from './render-gemini-error.js';
import { sendGeminiError } from './send-gemini-json.js';

/** `…/v1beta/models`, `…/v1beta/models/{model}` and `…/{v1beta|v1}/models/{model}:{method}`. */
const modelPathPattern = /\/(v1beta|v1)\/models(?:\/([^/:]+)(?::([A-Za-z]+))?)?$/;
const notFound: RenderedGeminiError = {
  status: 404,
  error: { code: 404, message: 'Method not found.', status: 'NOT_FOUND' },
};

/**
 * The Gemini wire (PROVIDERS.md §6). It claims `/v1beta/…` paths (any base path before them) and the
 * `/v1/models/{model}:{method}` ones, and must be asked before the OpenAI wire, which answers any path
 * ending in `/models`. Gemini's own OpenAI-compatible path (`/v1beta/openai/…`) is left to the OpenAI
 * wire. The key comes from `x-goog-api-key` or `?key=`, with the simulator's key words.
 */
export function handleGeminiRequest(exchange: SimulatorExchange): boolean {
  const { path, method } = exchange;
  const match = modelPathPattern.exec(path);
  if (match === null || (match[1] === 'v1' && match[3] === undefined)) {
    if (!/\/v1beta(\/|$)/.test(path) || path.includes('/v1beta/openai/')) return false;
    sendGeminiError(exchange, notFound);
    return true;
  }
  const call: GeminiWireCall = {
    model: match[2] === undefined ? '' : decodeURIComponent(match[2]),
    method: match[3] ?? '',
    isSSE: new URLSearchParams((exchange.request.url ?? '').split('?')[1] ?? '').get('alt') === 'sse',
  };
  const isStream = call.method === 'streamGenerateContent';
  const apiKey = readGeminiApiKey(exchange.request);
  const credentialFailure =
    apiKey === undefined ? { kind: 'missing-key' as const, status: 403 } : getCredentialFailure(apiKey);
  const isListing = method === 'GET' && call.method === '';
  if (
    credentialFailure !== undefined &&
    (!isListing || credentialFailure.kind === 'invalid-key' || credentialFailure.kind === 'missing-key')
  ) {
    sendGeminiError(exchange, renderGeminiFailure(credentialFailure, call.model), isStream);
    return true;
  }
  if (isListing) handleGeminiModels(exchange, call.model);
  else if (method !== 'POST') sendGeminiError(exchange, notFound);
  else if (call.method === 'generateContent' || isStream) handleGeminiGenerate(exchange, call);
  else if (call.method === 'countTokens') handleGeminiCountTokens(exchange, call);
  else if (call.method === 'embedContent' || call.method === 'batchEmbedContents')
    handleGeminiEmbed(exchange, call);
  else sendGeminiError(exchange, notFound);
  return true;
}
