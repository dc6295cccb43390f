import { performance } from 'node:perf_hooks';
import type { SimulatorExchange } from '../simulator-exchange.js';
import type { RenderedGeminiError } from './render-gemini-error.js';

/**
 * Writes a complete JSON answer, pretty-printed with two spaces as Google's APIs send it (fixtures
 * nonstream-text.json, error-400-api-key-invalid.json), with the Google frontend's headers.
 */
export function sendGeminiJson(
  exchange: SimulatorExchange,
  status: number,
  body: unknown,
  contentType?: string,
): void {
  if (exchange.lifecycle.isClosed) return;
  const text = JSON.stringify(body, null, 2);
  exchange.response.writeHead(status, [
    ...getGeminiHeaders(exchange, contentType ?? 'application/json; charset=UTF-8'),
    'content-length',
    String(Buffer.byteLength(text)),
  ]);
  exchange.response.end(text);
}

/**
 * An error in the Google RPC envelope. On the stream endpoint Google keeps `text/event-stream` as the
 * content type of a plain JSON error body (fixture recording-stream-error-404.json), and so does this.
 */
export function sendGeminiError(
  exchange: SimulatorExchange,
  rendered: RenderedGeminiError,
  isStream = false,
): void {
  sendGeminiJson(
    exchange,
    rendered.status,
    { error: rendered.error },
    isStream ? 'text/event-stream' : undefined,
  );
}

/** Headers of Google's frontend (recording response headers), as name/value pairs. */
export function getGeminiHeaders(exchange: SimulatorExchange, contentType: string): string[] {
  return [
    'content-type',
    contentType,
    'vary',
    'Origin, X-Origin, Referer',
    'server',
    'scaffolding on HTTPServer2',
    'server-timing',
    `gfet4t7; dur=${Math.round(performance.now() - exchange.startedAt)}`,
    'x-xss-protection',
    '0',
    'x-frame-options',
    'SAMEORIGIN',
    'x-content-type-options',
    'nosniff',
  ];
}
