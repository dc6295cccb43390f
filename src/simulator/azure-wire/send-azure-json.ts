import { performance } from 'node:perf_hooks';
import type { SimulatorExchange } from '../simulator-exchange.js';

/** The region every simulated answer claims, as Azure's `x-ms-region` header names one. */
const region = 'East US';

/**
 * Headers Azure OpenAI sends with every answer (fixture azure-openai/error-429-rate-limit-with-headers.http):
 * `apim-request-id` and `x-request-id` (one UUID), `x-ms-region`, and the upstream time.
 */
export function getAzureHeaders(exchange: SimulatorExchange, contentType: string): string[] {
  const hex = exchange.state.nextRequestId().slice(-32);
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return [
    'content-type',
    contentType,
    'apim-request-id',
    uuid,
    'x-request-id',
    uuid,
    'x-ms-region',
    region,
    'x-envoy-upstream-service-time',
    String(Math.round(performance.now() - exchange.startedAt)),
  ];
}

/** A complete JSON answer. Azure writes its bodies compact. */
export function sendAzureJson(
  exchange: SimulatorExchange,
  status: number,
  body: string,
  extraHeaders: string[] = [],
): void {
  if (exchange.lifecycle.isClosed) return;
  exchange.response.writeHead(status, [
    ...getAzureHeaders(exchange, 'application/json'),
    'content-length',
    String(Buffer.byteLength(body)),
    ...extraHeaders,
  ]);
  exchange.response.end(body);
}

/** An error in Azure's envelope: `{"error": {...}}`. */
export function sendAzureError(
  exchange: SimulatorExchange,
  rendered: { status: number; error: object; headers: string[] },
): void {
  sendAzureJson(exchange, rendered.status, JSON.stringify({ error: rendered.error }), rendered.headers);
}
