import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';

export interface ProxiedExchange {
  method: string;
  path: string;
  requestBody: unknown;
  status: number;
  responseText: string;
  /** Prism's reasons for a 422 (its `sl-violations` header), when the spec's error example hides them. */
  violations?: string;
}

/**
 * Forwards every request to `targetUrl` and records what went through: used in front of Prism to read
 * its verdict (200 valid, 422 invalid with reasons) on exactly the body bytes our adapters send.
 */
export async function createRecordingProxy(targetUrl: string) {
  const exchanges: ProxiedExchange[] = [];
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', async () => {
      const body = Buffer.concat(chunks);
      const headers = { ...incoming.headers };
      delete headers.host;
      delete headers.connection;
      // Prism cannot produce SSE: for a streamed request it would answer 500 "cannot serialise"
      // after validating. Asking it for JSON keeps the verdict about the exact same request body.
      headers.accept = 'application/json';
      const upstream = await request(targetUrl + incoming.url, {
        method: incoming.method as 'POST',
        headers,
        body: body.length ? body : undefined,
      });
      const responseText = await upstream.body.text();
      let requestBody: unknown;
      try {
        requestBody = JSON.parse(body.toString('utf8'));
      } catch {
        requestBody = undefined;
      }
      const violations = upstream.headers['sl-violations'];
      exchanges.push({
        method: incoming.method ?? '',
        path: incoming.url ?? '',
        requestBody,
        status: upstream.statusCode,
        responseText,
        violations: Array.isArray(violations) ? violations.join('') : violations,
      });
      outgoing.writeHead(upstream.statusCode, {
        'content-type': String(upstream.headers['content-type'] ?? 'application/json'),
      });
      outgoing.end(responseText);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    exchanges,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
