import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the test server answers for one path. `chunks` are written one by one, `delayInMs` apart. */
export interface TestResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  chunks?: string[];
  delayInMs?: number;
  /** Destroy the socket after the chunks instead of ending the response. */
  shouldDestroy?: boolean;
}

export interface RecordedCall {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  bodyText: string;
  bodyJSON: unknown;
}

/**
 * A URL-keyed local server for adapter tests (STYLE.md example 11): each path answers with a recorded
 * fixture, and every call is recorded so tests can assert what the adapter sent.
 */
export async function createTestServer(routes: Record<string, TestResponse | (() => TestResponse)>) {
  const calls: RecordedCall[] = [];
  const server: Server = createServer((request, response) => {
    let bodyText = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (bodyText += chunk));
    request.on('end', async () => {
      let bodyJSON: unknown;
      try {
        bodyJSON = bodyText ? JSON.parse(bodyText) : undefined;
      } catch {
        bodyJSON = undefined;
      }
      calls.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        bodyText,
        bodyJSON,
      });
      const path = (request.url ?? '').split('?')[0] ?? '';
      const route = routes[path];
      const answer = typeof route === 'function' ? route() : route;
      if (!answer) {
        response.writeHead(404).end('not found');
        return;
      }
      response.writeHead(answer.status ?? 200, answer.headers ?? { 'content-type': 'application/json' });
      for (const chunk of answer.chunks ?? []) {
        response.write(chunk);
        if (answer.delayInMs) await new Promise((resolve) => setTimeout(resolve, answer.delayInMs));
      }
      if (answer.shouldDestroy) setTimeout(() => response.destroy(), 20);
      else response.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An SSE response from an SSE body text. */
export function sseResponse(body: string, extra: Partial<TestResponse> = {}): TestResponse {
  return { headers: { 'content-type': 'text/event-stream' }, chunks: [body], ...extra };
}
