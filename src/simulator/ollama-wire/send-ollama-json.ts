import type { SimulatorExchange } from '../simulator-exchange.js';

/** Ollama's server (Gin) writes compact JSON with this content type. */
export const ollamaJsonContentType = 'application/json; charset=utf-8';

/** Writes a complete JSON answer, as Ollama does: no request id or other extra headers. */
export function sendOllamaJson(
  exchange: SimulatorExchange,
  status: number,
  body: string,
  extraHeaders: string[] = [],
): void {
  if (exchange.lifecycle.isClosed) return;
  exchange.response.writeHead(status, [
    'content-type',
    ollamaJsonContentType,
    'content-length',
    String(Buffer.byteLength(body)),
    ...extraHeaders,
  ]);
  exchange.response.end(body);
}

/** Ollama's error envelope (PROVIDERS.md §7.3): `{"error": "<message>"}`. */
export function sendOllamaError(
  exchange: SimulatorExchange,
  status: number,
  message: string,
  extraHeaders: string[] = [],
): void {
  sendOllamaJson(exchange, status, JSON.stringify({ error: message }), extraHeaders);
}

/** What Gin answers for a route or method Ollama does not serve. */
export function sendOllamaPageNotFound(exchange: SimulatorExchange): void {
  const body = '404 page not found';
  exchange.response.writeHead(404, ['content-type', 'text/plain', 'content-length', String(body.length)]);
  exchange.response.end(body);
}
