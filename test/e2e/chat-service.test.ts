import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModelInfoLookup } from '../../src/accounting/get-model-info.js';
import { computeCost } from '../../src/accounting/compute-cost.js';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import type { ChatServiceResponse } from '../../src/server/chat-service/build-chat-service-response.js';
import type { ModelStatus } from '../../src/server/chat-service/create-model-status-tracker.js';
import type { ChatBatchItemResult } from '../../src/server/chat-service/run-chat-batch-item.js';
import type { ChatMessage } from '../../src/spec/chat-request.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

interface ErrorBody {
  error: { message: string; type: string; code: string | null; param: string | null };
}
interface BatchBody {
  batch_id: string;
  total: number;
  succeeded: number;
  failed: number;
  results: ChatBatchItemResult[];
}
interface HistoryBody {
  conversation_id: string;
  system_prompt: string | null;
  messages: ChatMessage[];
  message_count: number;
}
/** Any chat-service SSE event's data: a delta, a start, a progress report or a final answer. */
type EventData = Partial<ChatServiceResponse & BatchBody> & {
  content?: string;
  completed?: number;
  index?: number;
  status?: string;
};

let simulator: Simulator;
let running: RunningGateway;

beforeAll(async () => {
  simulator = await createSimulator({ seed: 11, timeScale: 0.05 });
  running = await startGateway(
    {
      GROQ_API_KEY: 'sim-groq-key',
      GROQ_BASE_URL: `${simulator.url}/openai/v1`,
      GROQ_MODEL: 'sim-fast',
      OPENAI_API_KEY: 'sim-openai-key',
      OPENAI_BASE_URL: `${simulator.url}/v1`,
      DEFAULT_MODEL_PROVIDER: 'groq',
      // One attempt per target: the failing models here fail fast instead of retrying with backoff.
      MAX_RETRY_ATTEMPTS: '0',
    },
    {
      configYaml: [
        'routes:',
        '  compete: [groq/sim-fast]',
        'prices:',
        '  groq/tiny-model: { input: 1, output: 2, contextWindow: 300 }',
      ].join('\n'),
    },
  );
});

afterAll(async () => {
  await running?.close();
  await simulator?.close();
});

async function post<T = ChatServiceResponse>(path: string, body: unknown) {
  const response = await fetch(`${running.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as T & ErrorBody,
  };
}

async function get<T>(path: string) {
  const response = await fetch(`${running.url}${path}`);
  return { status: response.status, body: (await response.json()) as T & ErrorBody };
}

/** SSE text → [event, data] pairs. */
function parseEvents(text: string): Array<[string, EventData]> {
  return text
    .split('\n\n')
    .filter(Boolean)
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
      return [event, JSON.parse(data) as EventData];
    });
}

describe('POST /chat', () => {
  it("answers with the brief's fields, the cost at the model's price and the x-arbiter headers", async () => {
    const { status, headers, body } = await post('/chat', {
      message: 'Tell me about tides',
      model: 'openai/gpt-4o-mini',
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      message: expect.any(String),
      model_used: 'openai/gpt-4o-mini',
      conversation_id: expect.stringMatching(/^conv_/),
      request_id: headers.get('x-arbiter-request-id'),
      cost_known: true,
      token_source: 'provider',
    });
    expect(body.message.length).toBeGreaterThan(10);
    expect(body.tokens_used).toBe(body.prompt_tokens + body.completion_tokens);
    const price = createModelInfoLookup()('openai', 'gpt-4o-mini');
    const usage = {
      prompt_tokens: body.prompt_tokens,
      completion_tokens: body.completion_tokens,
      total_tokens: body.tokens_used,
    };
    expect(body.cost_estimate).toBe(computeCost(usage, price));
    expect(body.cost_estimate).toBeGreaterThan(0);
    expect(new Date(body.timestamp).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(body.processing_time).toBeGreaterThan(0);
    expect(body.processing_time).toBeLessThan(30);
    expect(headers.get('x-arbiter-provider')).toBe('openai');
    expect(headers.get('x-arbiter-model')).toBe('gpt-4o-mini');
    expect(headers.get('x-arbiter-attempts')).toBe('1');
  });

  it('continues a conversation: the stored history and system prompt go before the new message', async () => {
    const first = await post('/chat', { prompt: 'first question', system_prompt: 'You are terse.' });
    const id = first.body.conversation_id;
    simulator.reset();
    const second = await post('/chat', {
      message: 'second question',
      conversation_id: id,
      model: 'groq/sim-fast',
    });
    expect(second.body.conversation_id).toBe(id);
    expect((simulator.requests.at(-1)!.body as { messages: unknown }).messages).toEqual([
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'first question' },
      { role: 'assistant', content: first.body.message },
      { role: 'user', content: 'second question' },
    ]);
    const history = await get<HistoryBody>(`/history/${id}`);
    expect(history.body).toMatchObject({
      conversation_id: id,
      system_prompt: 'You are terse.',
      message_count: 4,
    });
    expect(history.body.messages.at(-1)).toEqual({ role: 'assistant', content: second.body.message });

    const deleted = await fetch(`${running.url}/history/${id}`, { method: 'DELETE' });
    expect(await deleted.json()).toEqual({ conversation_id: id, deleted: true });
    expect((await get<HistoryBody>(`/history/${id}`)).body.error.code).toBe('conversation_not_found');
  });

  it("trims a long conversation to the model's context window, oldest turns first, system prompt kept", async () => {
    const conversation_id = `trim-${Date.now()}`;
    // About 83 tokens per message and at most 33 per answer: the window (300 − 30 for the reply) holds
    // the system prompt, the new message and the previous turn, not the first one.
    const long = (turn: number) => `turn ${turn}: ${'lighthouse keeper notes '.repeat(25)}`;
    for (let turn = 1; turn <= 3; turn++) {
      const { status } = await post('/chat', {
        message: long(turn),
        model: 'groq/tiny-model',
        max_tokens: 30,
        conversation_id,
        system_prompt: 'Answer briefly.',
      });
      expect(status).toBe(200);
    }
    const sent = (simulator.requests.at(-1)!.body as { messages: Array<{ role: string; content: string }> })
      .messages;
    expect(sent.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(sent[0]).toEqual({ role: 'system', content: 'Answer briefly.' });
    expect(sent[1]).toEqual({ role: 'user', content: long(2) });
    expect(sent[3]).toEqual({ role: 'user', content: long(3) });
    expect((await get<HistoryBody>(`/history/${conversation_id}`)).body.message_count).toBe(6);
  });

  it('resolves model_provider through the router: providers, their models, any route name', async () => {
    expect((await post('/chat', { message: 'hi', model_provider: 'compete' })).body.model_used).toBe(
      'groq/sim-fast',
    );
    expect((await post('/chat', { message: 'hi', model_provider: 'groq' })).body.model_used).toBe(
      'groq/sim-fast',
    );
    const pinned = await post('/chat', { message: 'hi', model_provider: 'groq', model: 'tiny-model' });
    expect(pinned.body).toMatchObject({ model_used: 'groq/tiny-model', cost_known: true });
    const unknown = await post('/chat', { message: 'hi', model_provider: 'nope' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('model_not_found');
  });

  it('refuses bad bodies with a 400 naming the field, and takes nulls as Python clients send them', async () => {
    const cases: Array<[unknown, string, string | null]> = [
      [{ message: 'hi', conversationId: 'x' }, 'unknown_parameter', 'conversationId'],
      [{ model: 'auto' }, 'missing_required_parameter', 'message'],
      [{ message: 'a', prompt: 'b' }, 'invalid_value', 'prompt'],
      [{ message: 'hi', temperature: 5 }, 'value_above_maximum', 'temperature'],
      [{ message: 'hi', conversation_id: 'has spaces' }, 'invalid_value', 'conversation_id'],
      [[1, 2], 'invalid_body', null],
    ];
    for (const [body, code, param] of cases) {
      const response = await post('/chat', body);
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ code, param, type: 'invalid_request_error' });
    }
    const nulls = await post('/chat', {
      message: 'hi',
      model: null,
      temperature: null,
      conversation_id: null,
      system_prompt: null,
    });
    expect(nulls.status).toBe(200);
  });
});

describe('POST /chat/stream', () => {
  it('streams start, deltas and a done event carrying the whole answer, then saves the turn', async () => {
    const response = await fetch(`${running.url}/chat/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'Write about harbours', model: 'openai/gpt-4o-mini' }),
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(response.headers.get('x-arbiter-provider')).toBe('openai');
    const events = parseEvents(await response.text());
    expect(events[0]![0]).toBe('start');
    const done = events.at(-1)!;
    expect(done[0]).toBe('done');
    const text = events
      .filter(([event]) => event === 'delta')
      .map(([, data]) => data.content)
      .join('');
    expect(done[1]).toMatchObject({
      message: text,
      model_used: 'openai/gpt-4o-mini',
      conversation_id: events[0]![1].conversation_id,
    });
    expect(done[1].cost_estimate).toBeGreaterThan(0);
    const history = await get<HistoryBody>(`/history/${done[1].conversation_id}`);
    expect(history.body.messages.at(-1)).toEqual({ role: 'assistant', content: text });
  });

  it('streams from /chat with stream: true, and fails before the first token as plain JSON', async () => {
    const streamed = await fetch(`${running.url}/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'hi', stream: true }),
    });
    expect(parseEvents(await streamed.text()).at(-1)![0]).toBe('done');
    const failed = await post('/chat/stream', { message: 'hi', model: 'groq/sim-down' });
    expect(failed.status).toBe(503);
    expect(failed.body.error.code).toBe('upstream_overloaded');
  });
});

describe('POST /chat/batch', () => {
  const items = [
    { message: 'one', model: 'groq/sim-fast' },
    { message: 'two', model: 'groq/sim-down' },
    { message: 'three', model: 'openai/gpt-4o-mini' },
    { message: 'four', colour: 'blue' },
    { message: 'five', model: 'groq/sim-fast', stream: true },
    { message: 'six', model: 'nowhere/at-all' },
    { prompt: 'seven' },
  ];

  it('runs every item, in order, with each failure in its place and the batch still a 200', async () => {
    const { status, headers, body } = await post<BatchBody>('/chat/batch', {
      requests: items,
      concurrency: 2,
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ batch_id: headers.get('x-request-id'), total: 7, succeeded: 3, failed: 4 });
    expect(body.results.map((result) => [result.index, result.status])).toEqual([
      [0, 'ok'],
      [1, 'error'],
      [2, 'ok'],
      [3, 'error'],
      [4, 'error'],
      [5, 'error'],
      [6, 'ok'],
    ]);
    expect(body.results[0]).toMatchObject({
      response: { model_used: 'groq/sim-fast', request_id: `${body.batch_id}_0` },
    });
    expect(body.results[1]).toMatchObject({ error: { status: 503, code: 'upstream_overloaded' } });
    expect(body.results[3]).toMatchObject({
      error: { status: 400, code: 'unknown_parameter', param: 'colour' },
    });
    expect(body.results[4]).toMatchObject({ error: { status: 400, param: 'stream' } });
    expect(body.results[5]).toMatchObject({ error: { status: 404 } });
    const records = await get<{ data: Array<{ request_id: string }> }>(`/usage/requests?limit=20`);
    const ids = records.body.data.map((record) => record.request_id);
    for (let index = 0; index < items.length; index++) expect(ids).toContain(`${body.batch_id}_${index}`);
  });

  it('streams a progress event per finished item, then the same results', async () => {
    const response = await fetch(`${running.url}/chat/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ requests: items.slice(0, 4), concurrency: 4, stream: true }),
    });
    const events = parseEvents(await response.text());
    const progress = events.filter(([event]) => event === 'progress').map(([, data]) => data);
    expect(progress.map((event) => event.completed)).toEqual([1, 2, 3, 4]);
    expect(progress.every((event) => event.total === 4)).toBe(true);
    expect(progress.at(-1)).toMatchObject({ succeeded: 2, failed: 2 });
    expect(progress.map((event) => event.index).sort()).toEqual([0, 1, 2, 3]);
    const [name, done] = events.at(-1)!;
    expect(name).toBe('done');
    expect(done.results!.map((result) => result.status)).toEqual(['ok', 'error', 'ok', 'error']);
  });

  it('refuses a batch that is empty, too large or too concurrent', async () => {
    const tooMany = Array.from({ length: 101 }, () => ({ message: 'x' }));
    for (const body of [
      { requests: [] },
      { requests: tooMany },
      { requests: [{ message: 'x' }], concurrency: 17 },
      {},
    ]) {
      const response = await post('/chat/batch', body);
      expect(response.status).toBe(400);
      expect(response.body.error.type).toBe('invalid_request_error');
    }
  });
});

describe('GET /models', () => {
  it('shows live status from outcomes: offline after failures, online with nulls when never tried', async () => {
    for (let attempt = 0; attempt < 3; attempt++)
      await post('/chat', { message: 'hi', model: 'groq/sim-down' });
    const down = await get<ModelStatus>('/models/groq/sim-down/status');
    expect(down.body).toMatchObject({
      provider: 'groq',
      model: 'sim-down',
      status: 'offline',
      error_rate: 1,
      response_time_avg: null,
    });
    expect(new Date(down.body.last_check!).getTime()).toBeGreaterThan(Date.now() - 60_000);

    const untried = await get<ModelStatus>('/models/groq/llama-3.1-8b-instant/status');
    expect(untried.body).toMatchObject({
      status: 'online',
      response_time_avg: null,
      error_rate: null,
      last_check: null,
      samples: 0,
    });
    expect(untried.body.note).toContain('no attempt yet');

    const fast = await get<ModelStatus>('/models/groq%2Fsim-fast/status');
    expect(fast.body).toMatchObject({ status: 'online', error_rate: 0 });
    expect(fast.body.response_time_avg).toBeGreaterThan(0);

    const route = await get<ModelStatus>('/models/compete/status');
    expect(route.body).toMatchObject({ provider: 'groq', model: 'sim-fast', route: 'compete' });

    const list = await get<{ models: ModelStatus[]; routes: string[] }>('/models');
    const byName = new Map(list.body.models.map((model) => [`${model.provider}/${model.model}`, model]));
    expect(byName.get('groq/sim-down')).toMatchObject({ status: 'offline' });
    expect(byName.get('openai/gpt-4o-mini')).toMatchObject({ status: 'online' });
    expect(list.body.routes).toEqual(expect.arrayContaining(['compete', 'auto']));

    expect((await get('/models/no-such-model/status')).status).toBe(404);
    expect((await get('/models/groq/sim-fast')).status).toBe(404);
  });
});
