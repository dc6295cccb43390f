import { performance } from 'node:perf_hooks';
import type { SimulatorExchange } from '../simulator-exchange.js';
import type { RenderedOpenAIError } from './render-openai-error.js';

/** Writes a complete JSON answer with OpenAI's `x-request-id` and `openai-processing-ms` headers. */
export function sendOpenAIJson(
  exchange: SimulatorExchange,
  status: number,
  body: string,
  extraHeaders: string[] = [],
): void {
  if (exchange.lifecycle.isClosed) return;
  exchange.response.writeHead(status, [
    ...getOpenAIHeaders(exchange, 'application/json'),
    'content-length',
    String(Buffer.byteLength(body)),
    ...extraHeaders,
  ]);
  exchange.response.end(body);
}

/** OpenAI error bodies are pretty-printed with two spaces, like its other bodies. */
export function sendOpenAIError(exchange: SimulatorExchange, rendered: RenderedOpenAIError): void {
  sendOpenAIJson(
    exchange,
    rendered.status,
    JSON.stringify({ error: rendered.error }, null, 2),
    rendered.headers,
  );
}

/** Headers every OpenAI response carries (PROVIDERS.md §2.1), as name/value pairs. */
export function getOpenAIHeaders(exchange: SimulatorExchange, contentType: string): string[] {
  return [
    'content-type',
    contentType,
    'x-request-id',
    exchange.state.nextRequestId(),
    'openai-processing-ms',
    String(Math.round(performance.now() - exchange.startedAt)),
  ];
}
