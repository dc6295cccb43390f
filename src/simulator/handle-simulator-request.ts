import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { handleAnthropicRequest } from './anthropic-wire/handle-anthropic-request.js';
import { handleAzureRequest } from './azure-wire/handle-azure-request.js';
import { controlPathPrefix, handleControlRequest } from './handle-control-request.js';
import { handleGeminiRequest } from './gemini-wire/handle-gemini-request.js';
import { handleOllamaRequest } from './ollama-wire/handle-ollama-request.js';
import { handleOpenAIRequest, sendInvalidUrl } from './openai-wire/handle-openai-request.js';
import { handleOpenAIResponsesRequest } from './openai-responses-wire/handle-openai-responses-request.js';
import { createRecordedRequest } from './recorded-request.js';
import { createRequestLifecycle } from './request-lifecycle.js';
import { handleSearchRequest } from './search-wire/handle-search-request.js';
import type { SimulatorExchange, SimulatorWireHandler } from './simulator-exchange.js';
import type { SimulatorState } from './simulator-state.js';

/** Wire modules in the order they claim paths; the OpenAI wire answers unknown paths. */
const wires: readonly SimulatorWireHandler[] = [
  handleSearchRequest,
  handleOllamaRequest,
  // Before OpenAI's, which claims any path ending in `/chat/completions`.
  handleAzureRequest,
  // Before OpenAI's: both serve `/v1/models`; Anthropic's claims only requests with its headers.
  handleAnthropicRequest,
  // Before OpenAI's, which claims any path ending in `/models`; Gemini's claims only `/v1beta/…` and
  // `/v1/models/{model}:{method}`.
  handleGeminiRequest,
  // Before OpenAI's, which answers every path it does not know as an invalid URL.
  handleOpenAIResponsesRequest,
  handleOpenAIRequest,
];

/**
 * The server's request listener: tracks the request's lifecycle (aborts, timers), reads and parses
 * the JSON body once, records API requests, then lets the control API or a wire module answer.
 */
export function createRequestHandler(
  state: SimulatorState,
): (request: IncomingMessage, response: ServerResponse) => void {
  return function handleRequest(request: IncomingMessage, response: ServerResponse): void {
    const startedAt = performance.now();
    const method = request.method ?? 'GET';
    const url = request.url ?? '/';
    const queryStart = url.indexOf('?');
    const path = queryStart === -1 ? url : url.slice(0, queryStart);
    const isControl = path.startsWith(controlPathPrefix);
    if (!isControl) state.stats.requests++;
    const lifecycle = createRequestLifecycle(response, (ended, isAborted) => {
      state.openRequests.delete(ended);
      if (isAborted && !isControl) state.stats.abortedRequests++;
    });
    state.openRequests.add(lifecycle);
    request.on('error', () => lifecycle.cancel());

    const dispatch = (bodyText: string | undefined, body: unknown, isBodyMalformed: boolean): void => {
      if (lifecycle.isClosed) return;
      const exchange: SimulatorExchange = {
        request,
        response,
        method,
        path,
        body,
        isBodyMalformed,
        startedAt,
        state,
        lifecycle,
      };
      if (isControl) {
        handleControlRequest(exchange);
        return;
      }
      const model = (body as { model?: unknown } | undefined)?.model;
      state.record(
        createRecordedRequest(
          method,
          path,
          request.rawHeaders,
          bodyText,
          typeof model === 'string' ? model : undefined,
        ),
      );
      if (!wires.some((wire) => wire(exchange))) sendInvalidUrl(exchange);
    };

    if (method === 'GET' || method === 'HEAD') {
      dispatch(undefined, undefined, false);
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (chunks.length === 0) {
        dispatch(undefined, undefined, false);
        return;
      }
      const bodyText =
        chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = JSON.parse(bodyText);
      } catch {
        dispatch(bodyText, undefined, true);
        return;
      }
      dispatch(bodyText, body, false);
    });
  };
}
