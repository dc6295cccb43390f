import type { SimulatorExchange } from '../simulator-exchange.js';

/** One complete search API answer: a JSON (or, for SearXNG's refusals, HTML) body with its headers. */
export interface RenderedSearchAnswer {
  status: number;
  body: string;
  /** Extra response headers as name/value pairs. */
  headers?: string[];
  /** Default `application/json; charset=utf-8`. */
  contentType?: string;
}

/** Writes the answer after `delayInMs`, unless the client left first. */
export function sendSearchAnswer(
  exchange: SimulatorExchange,
  answer: RenderedSearchAnswer,
  delayInMs: number,
): void {
  exchange.lifecycle.after(delayInMs, () => {
    if (exchange.lifecycle.isClosed) return;
    exchange.response.writeHead(answer.status, [
      'content-type',
      answer.contentType ?? 'application/json; charset=utf-8',
      'content-length',
      String(Buffer.byteLength(answer.body)),
      ...(answer.headers ?? []),
    ]);
    exchange.response.end(answer.body);
  });
}
