import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBodyText, sendHttpRequest } from './http-request.js';

/** A server whose routes misbehave on purpose: slow, huge, endless, cut. */
let server: http.Server;
let base: string;
const closedSockets: string[] = [];
const dispatcher = new Agent({ keepAliveTimeout: 10_000 });

beforeAll(async () => {
  server = http.createServer((request, response) => {
    request.socket.once('close', () => closedSockets.push(request.url ?? ''));
    if (request.url === '/echo') {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        response.writeHead(201, { 'content-type': 'application/json', 'x-seen': request.method ?? '' });
        response.end(JSON.stringify({ body: Buffer.concat(chunks).toString(), path: request.url }));
      });
      return;
    }
    if (request.url === '/big') {
      response.writeHead(200);
      const piece = Buffer.alloc(16 * 1024, 'a');
      let sent = 0;
      const write = (): void => {
        while (sent < 64) {
          sent++;
          if (!response.write(piece)) return void response.once('drain', write);
        }
        response.end();
      };
      write();
      return;
    }
    if (request.url === '/endless') {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      const timer = setInterval(() => response.write('data: tick\n\n'), 5);
      response.once('close', () => clearInterval(timer));
      return;
    }
    if (request.url === '/cut') {
      response.writeHead(200, { 'content-length': '100' });
      response.write('only part of it');
      setTimeout(() => request.socket.destroy(), 20);
      return;
    }
    // /hang: headers never come.
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await dispatcher.close();
  server.closeAllConnections();
  server.close();
});

describe('sendHttpRequest', () => {
  it('sends method, headers and body, and resolves with status, headers and a readable body', async () => {
    const response = await sendHttpRequest({
      url: `${base}/echo`,
      headers: { 'content-type': 'application/json' },
      body: '{"hello":"world"}',
      signal: new AbortController().signal,
      dispatcher,
    });
    expect(response.status).toBe(201);
    expect(response.headers['x-seen']).toBe('POST');
    expect(await response.body.json()).toEqual({ body: '{"hello":"world"}', path: '/echo' });
  });

  it('reads a body larger than its buffer whole, pausing and resuming the socket on the way', async () => {
    const response = await sendHttpRequest({
      url: `${base}/big`,
      method: 'GET',
      headers: {},
      signal: new AbortController().signal,
      dispatcher,
    });
    // Nobody reads for a while: the client must stop reading rather than buffer without bound.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const text = await response.body.text();
    expect(text.length).toBe(64 * 16 * 1024);
    await expect(response.body.text()).rejects.toThrow(/already been read/);
  });

  it('closes the connection when the reader stops early', async () => {
    const response = await sendHttpRequest({
      url: `${base}/endless`,
      method: 'GET',
      headers: {},
      signal: new AbortController().signal,
      dispatcher,
    });
    let events = 0;
    for await (const chunk of response.body) {
      expect(Buffer.from(chunk).toString()).toContain('data: tick');
      if (++events === 3) break;
    }
    await expect.poll(() => closedSockets.includes('/endless')).toBe(true);
  });

  it('rejects with the abort reason when aborted before the headers, and frees the connection', async () => {
    const controller = new AbortController();
    const pending = sendHttpRequest({
      url: `${base}/hang`,
      method: 'GET',
      headers: {},
      signal: controller.signal,
      dispatcher,
    });
    setTimeout(() => controller.abort(new Error('gave up')), 20);
    await expect(pending).rejects.toThrow('gave up');
    await expect.poll(() => closedSockets.includes('/hang')).toBe(true);
  });

  it('rejects at once for a signal that is already aborted', async () => {
    const signal = AbortSignal.abort(new Error('too late'));
    await expect(sendHttpRequest({ url: `${base}/echo`, headers: {}, signal, dispatcher })).rejects.toThrow(
      'too late',
    );
  });

  it('fails the body reads when aborted mid-body, after what had arrived', async () => {
    const controller = new AbortController();
    const response = await sendHttpRequest({
      url: `${base}/endless`,
      method: 'GET',
      headers: {},
      signal: controller.signal,
      dispatcher,
    });
    const iterator = response.body[Symbol.asyncIterator]();
    expect((await iterator.next()).done).toBe(false);
    controller.abort(new Error('caller left'));
    await expect(
      (async () => {
        for (;;) if ((await iterator.next()).done) return 'ended';
      })(),
    ).rejects.toThrow('caller left');
  });

  it('fails the body when the upstream cuts it, and readBodyText keeps what arrived', async () => {
    const first = await sendHttpRequest({
      url: `${base}/cut`,
      method: 'GET',
      headers: {},
      signal: new AbortController().signal,
      dispatcher,
    });
    await expect(first.body.text()).rejects.toThrow();
    const second = await sendHttpRequest({
      url: `${base}/cut`,
      method: 'GET',
      headers: {},
      signal: new AbortController().signal,
      dispatcher,
    });
    expect(await readBodyText(second.body)).toBe('only part of it');
  });

  it('rejects with the network error when nothing listens', async () => {
    await expect(
      sendHttpRequest({
        url: 'http://127.0.0.1:9/nothing',
        headers: {},
        signal: new AbortController().signal,
        dispatcher,
      }),
    ).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
