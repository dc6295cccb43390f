import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The worst provider imaginable: it repeats the API key it was sent in every error (a 400, a 401, a
 * 500, a response header) and in an error event after the stream has started — so a test can check that
 * none of it reaches a caller, a log line or the usage log.
 */
export async function startEchoingUpstream(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const key = String(request.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      const body = (text ? JSON.parse(text) : {}) as { model?: string; stream?: boolean };
      if (body.stream) {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        const chunk = {
          id: 'c1',
          object: 'chat.completion.chunk',
          model: body.model,
          choices: [{ index: 0, delta: { content: 'Hello' } }],
        };
        response.write(`data: ${JSON.stringify(chunk)}\n\n`);
        response.end(
          `data: ${JSON.stringify({ error: { message: `stream aborted: key ${key} was revoked`, type: 'server_error' } })}\n\n`,
        );
        return;
      }
      // `echo-401` disables the key in the gateway's pool, so tests send it last; `echo` answers 400,
      // which the gateway passes on to the caller (its message included, after redaction).
      const status = body.model === 'echo-500' ? 500 : body.model === 'echo-401' ? 401 : 400;
      response.writeHead(status, { 'content-type': 'application/json', 'x-echoed-key': key });
      response.end(
        JSON.stringify({
          error: {
            message: `Incorrect API key provided: ${key}`,
            type: 'invalid_request_error',
            code: 'invalid_api_key',
          },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
