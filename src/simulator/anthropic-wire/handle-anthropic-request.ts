import { countPromptTokens } from '../count-simulated-tokens.js';
import { readRawHeader } from '../read-raw-header.js';
import type { SimulatorExchange } from '../simulator-exchange.js';
import { checkAnthropicHeaders } from './check-anthropic-headers.js';
import { convertAnthropicWireRequest } from './convert-anthropic-wire-request.js';
import { getAnthropicBehaviour, listAnthropicModelIds } from './get-anthropic-behaviour.js';
import { handleAnthropicMessages } from './handle-anthropic-messages.js';
import {
  malformedBodyMessage,
  renderAnthropicFailure,
  renderAnthropicInvalidRequest,
} from './render-anthropic-error.js';
import { renderAnthropicModel, renderAnthropicModels } from './render-anthropic-models.js';
import { sendAnthropicError, sendAnthropicJson } from './send-anthropic-json.js';
import { findAnthropicRequestError } from './validate-anthropic-request.js';

const modelPathPattern = /\/v1\/models\/([^/]+)$/;

/**
 * The Anthropic wire: `POST …/v1/messages`, `POST …/v1/messages/count_tokens`, and `GET …/v1/models`
 * (and `/v1/models/{id}`) when the request carries `x-api-key` or `anthropic-version` — the OpenAI wire
 * serves `/v1/models` too, so only requests that are Anthropic's are claimed (PROVIDERS.md §5.1, §5.9).
 */
export function handleAnthropicRequest(exchange: SimulatorExchange): boolean {
  const { method, path } = exchange;
  if (path.endsWith('/v1/messages')) {
    if (method === 'POST') handleAnthropicMessages(exchange);
    else sendNotFound(exchange);
    return true;
  }
  if (path.endsWith('/v1/messages/count_tokens')) {
    if (method === 'POST') handleCountTokens(exchange);
    else sendNotFound(exchange);
    return true;
  }
  const rawHeaders = exchange.request.rawHeaders;
  const isAnthropic =
    readRawHeader(rawHeaders, 'x-api-key') !== undefined ||
    readRawHeader(rawHeaders, 'anthropic-version') !== undefined;
  const modelMatch = modelPathPattern.exec(path);
  if (method !== 'GET' || !isAnthropic || (!path.endsWith('/v1/models') && modelMatch === null)) return false;
  const rejection = checkAnthropicHeaders(exchange, '', false);
  if (rejection !== undefined) {
    sendAnthropicError(exchange, rejection);
    return true;
  }
  const profiles = exchange.state.profiles;
  if (modelMatch === null) {
    const query = new URLSearchParams(exchange.request.url?.split('?')[1] ?? '');
    sendAnthropicJson(exchange, 200, renderAnthropicModels(listAnthropicModelIds(profiles), query));
    return true;
  }
  const id = decodeURIComponent(modelMatch[1]!);
  if (getAnthropicBehaviour(id, profiles) === undefined) {
    sendAnthropicError(exchange, renderAnthropicFailure({ kind: 'not-found', status: 404 }, id));
  } else {
    sendAnthropicJson(exchange, 200, JSON.stringify(renderAnthropicModel(id)));
  }
  return true;
}

/** `POST …/v1/messages/count_tokens`: the simulator's own count of what `/v1/messages` would bill. */
function handleCountTokens(exchange: SimulatorExchange): void {
  const model = (exchange.body as { model?: unknown } | undefined)?.model;
  const rejection = checkAnthropicHeaders(exchange, String(model ?? ''));
  if (rejection !== undefined) {
    sendAnthropicError(exchange, rejection);
    return;
  }
  const invalid = exchange.isBodyMalformed
    ? malformedBodyMessage
    : findAnthropicRequestError(exchange.body, true);
  if (invalid !== undefined) {
    sendAnthropicError(exchange, renderAnthropicInvalidRequest(invalid));
    return;
  }
  const wire = convertAnthropicWireRequest(exchange.body as Record<string, unknown>);
  if (getAnthropicBehaviour(wire.chat.model, exchange.state.profiles) === undefined) {
    sendAnthropicError(exchange, renderAnthropicFailure({ kind: 'not-found', status: 404 }, wire.chat.model));
    return;
  }
  sendAnthropicJson(exchange, 200, JSON.stringify({ input_tokens: countPromptTokens(wire.chat) }));
}

function sendNotFound(exchange: SimulatorExchange): void {
  sendAnthropicError(exchange, { status: 404, type: 'not_found_error', message: 'Not Found', headers: [] });
}
