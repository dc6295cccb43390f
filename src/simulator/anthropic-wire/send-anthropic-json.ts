import type { SimulatorExchange } from '../simulator-exchange.js';
import { createAnthropicRequestId } from './anthropic-ids.js';
import type { RenderedAnthropicError } from './render-anthropic-error.js';

/** Statuses Anthropic's SDK would retry (PROVIDERS.md §5.7, §9); sent as `x-should-retry`. */
const isRetryableStatus = (status: number): boolean =>
  status === 408 || status === 409 || status === 429 || status >= 500;

/** Writes a complete JSON answer with Anthropic's `request-id` header (PROVIDERS.md §5.1). */
export function sendAnthropicJson(
  exchange: SimulatorExchange,
  status: number,
  body: string,
  extraHeaders: string[] = [],
  requestId = createAnthropicRequestId(),
): void {
  if (exchange.lifecycle.isClosed) return;
  exchange.response.writeHead(status, [
    ...getAnthropicHeaders('application/json', requestId),
    'content-length',
    String(Buffer.byteLength(body)),
    ...extraHeaders,
  ]);
  exchange.response.end(body);
}

/**
 * The error envelope of fixture anthropic/error-400-prompt-too-long.http: compact, `request_id` last and
 * equal to the `request-id` header, with `x-should-retry`.
 */
export function sendAnthropicError(exchange: SimulatorExchange, rendered: RenderedAnthropicError): void {
  const requestId = createAnthropicRequestId();
  const body = JSON.stringify({
    type: 'error',
    error: { type: rendered.type, message: rendered.message },
    request_id: requestId,
  });
  const shouldRetry = String(isRetryableStatus(rendered.status));
  sendAnthropicJson(
    exchange,
    rendered.status,
    body,
    [...rendered.headers, 'x-should-retry', shouldRetry],
    requestId,
  );
}

/** Headers every Anthropic response carries, as name/value pairs. */
export function getAnthropicHeaders(contentType: string, requestId = createAnthropicRequestId()): string[] {
  return ['content-type', contentType, 'request-id', requestId];
}
