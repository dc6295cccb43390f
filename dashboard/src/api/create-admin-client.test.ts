import { describe, expect, it } from 'vitest';
import type { ArenaEvent } from './admin-api-types';
import { ApiRequestError } from './api-request-error';
import { createAdminClient } from './create-admin-client';
import { createSession } from './create-session';

interface Call {
  url: string;
  method: string;
  authorization: string | null;
  body: unknown;
}

function setup(answer: (call: Call) => Response, key?: string) {
  const storage = new Map<string, string>(key ? [['arbiter.adminKey', key]] : []);
  const session = createSession({
    getItem: (name) => storage.get(name) ?? null,
    setItem: (name, value) => void storage.set(name, value),
    removeItem: (name) => void storage.delete(name),
  });
  const calls: Call[] = [];
  const client = createAdminClient({
    session,
    baseUrl: 'http://gateway.test',
    fetch: async (input, init) => {
      const headers = new Headers(init?.headers);
      const call = {
        url: String(input),
        method: init?.method ?? 'GET',
        authorization: headers.get('authorization'),
        body: init?.body ? JSON.parse(String(init.body)) : undefined,
      };
      calls.push(call);
      return answer(call);
    },
  });
  return { client, session, calls };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('createAdminClient', () => {
  it('calls the contract paths, with the admin key as a bearer token when there is one', async () => {
    const { client, calls } = setup(() => json({}), 'arb_admin_1');
    await client.getOverview('7d');
    await client.getProviders();
    await client.getKeyUsage();
    await client.listRequests({ limit: 50, cursor: 'next/page' });
    await client.getRequest('req_a b');
    await client.sendVote('req_1_contender_0');
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      'GET http://gateway.test/admin/overview?window=7d',
      'GET http://gateway.test/admin/providers',
      'GET http://gateway.test/admin/usage/keys',
      'GET http://gateway.test/usage/requests?limit=50&cursor=next%2Fpage',
      'GET http://gateway.test/usage/requests/req_a%20b',
      'POST http://gateway.test/feedback',
    ]);
    expect(calls.every((call) => call.authorization === 'Bearer arb_admin_1')).toBe(true);
    expect(calls.at(-1)!.body).toEqual({ request_id: 'req_1_contender_0', thumbs: 'up' });
  });

  it('sends no authorization in open mode', async () => {
    const { client, calls } = setup(() => json({ models: [], providers: [] }));
    await client.getModels();
    expect(calls[0]!.authorization).toBeNull();
  });

  it("turns a 401 into a login prompt and an error carrying the gateway's message and code", async () => {
    const { client, session } = setup(() =>
      json(
        {
          error: {
            message: 'The admin key is not valid.',
            type: 'invalid_request_error',
            code: 'invalid_api_key',
          },
        },
        401,
      ),
    );
    const error = await client.getProviders().catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({
      status: 401,
      message: 'The admin key is not valid.',
      code: 'invalid_api_key',
    });
    expect(session.isLoginRequired).toBe(true);
  });

  it('reads a non-JSON failure as its status line', async () => {
    const { client, session } = setup(
      () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    await expect(client.getKeyUsage()).rejects.toMatchObject({
      status: 502,
      message: 'The gateway answered 502 Bad Gateway.',
    });
    expect(session.isLoginRequired).toBe(false);
  });

  it('streams the arena as typed events, skipping unknown ones', async () => {
    const body = [
      'event: start\ndata: {"request_id":"req_1","evaluator":"fastest","contenders":[]}\n\n',
      'event: progress\ndata: {"ignored":true}\n\n',
      'event: delta\ndata: {"contender":"c0","text":"Hi"}\n\n',
      'event: end\ndata: {}\n\n',
    ].join('');
    const { client, calls } = setup(
      () => new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } }),
    );
    const events: ArenaEvent[] = [];
    for await (const event of await client.runArena(
      { prompt: 'Hi', contenders: ['openai', 'groq'], evaluator: 'fastest' },
      new AbortController().signal,
    ))
      events.push(event);
    expect(calls[0]).toMatchObject({
      method: 'POST',
      url: 'http://gateway.test/admin/arena',
      body: { prompt: 'Hi', contenders: ['openai', 'groq'], evaluator: 'fastest' },
    });
    expect(events.map((event) => event.type)).toEqual(['start', 'delta', 'end']);
    expect(events[1]).toEqual({ type: 'delta', data: { contender: 'c0', text: 'Hi' } });
  });

  it('ends the arena with an error event when an event is not JSON, and throws for a refusal before the stream', async () => {
    const broken = setup(() => new Response('event: delta\ndata: {oops\n\n', { status: 200 }));
    const events: ArenaEvent[] = [];
    for await (const event of await broken.client.runArena({ prompt: 'Hi' }, new AbortController().signal))
      events.push(event);
    expect(events).toEqual([
      { type: 'error', data: { message: "The gateway sent an unreadable 'delta' event." } },
    ]);

    const refused = setup(() =>
      json({ error: { message: "Unknown contender 'nope'.", code: 'invalid_value' } }, 400),
    );
    await expect(
      refused.client.runArena({ prompt: 'Hi' }, new AbortController().signal),
    ).rejects.toMatchObject({
      status: 400,
      message: "Unknown contender 'nope'.",
    });
  });
});
