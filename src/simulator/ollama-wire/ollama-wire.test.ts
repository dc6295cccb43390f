import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../index.js';

const fixtureDirectory = new URL('../../../../shared/fixtures/providers/ollama/', import.meta.url);
const readFixture = (name: string): string => readFileSync(new URL(name, fixtureDirectory), 'utf8');
const readLines = (text: string): Array<Record<string, unknown>> =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** Every key path of a JSON value in document order with its JSON type (same keys, order and types). */
function describeShape(value: unknown, path = '$'): string[] {
  if (value === null) return [`${path}: null`];
  if (Array.isArray(value)) {
    return [`${path}: array`, ...value.flatMap((item, index) => describeShape(item, `${path}[${index}]`))];
  }
  if (typeof value === 'object') {
    return [
      `${path}: object`,
      ...Object.entries(value).flatMap(([key, item]) => describeShape(item, `${path}.${key}`)),
    ];
  }
  return [`${path}: ${typeof value}`];
}

const weatherTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};
const question = [{ role: 'user', content: 'What is the weather today in Tokyo?' }];

let simulator: Simulator;
beforeAll(async () => {
  simulator = await createSimulator({ timeScale: 0.01, profiles: { 'sim-always-500': { errorRate: 1 } } });
});
afterAll(() => simulator.close());

async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${simulator.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('/api/chat matches the fixtures', () => {
  it('non-stream tool call: the shape of ollama/chat-nonstream-tools-docs.json, compact', async () => {
    const response = await post('/api/chat', {
      model: 'sim-tools',
      messages: question,
      tools: [weatherTool],
      stream: false,
    });
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const text = await response.text();
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(text).toBe(JSON.stringify(body));
    expect(describeShape(body)).toEqual(
      describeShape(JSON.parse(readFixture('chat-nonstream-tools-docs.json'))),
    );
    expect(body).toMatchObject({ model: 'sim-tools', done: true, done_reason: 'stop' });
  });

  it('stream by default: token lines like chat-stream-docs, a final line like chat-stream-tools-docs', async () => {
    const response = await post('/api/chat', { model: 'sim-fast', messages: question });
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    const lines = readLines(await response.text());
    const [first, final] = readLines(readFixture('chat-stream-docs.ndjson'));
    // The docs' first line predates `images` being omitted when empty (`"images": null`).
    const { images: _images, ...firstMessage } = first!.message as Record<string, unknown>;
    const expectedFirst = describeShape({ ...first, message: firstMessage });
    for (const line of lines.slice(0, -1)) expect(describeShape(line)).toEqual(expectedFirst);
    const toolsFinal = readLines(readFixture('chat-stream-tools-docs.ndjson'))[1];
    expect(describeShape(lines.at(-1))).toEqual(describeShape(toolsFinal));
    expect(Object.keys(final!)).toEqual(Object.keys(toolsFinal!).filter((key) => key !== 'done_reason'));
    const text = lines
      .slice(0, -1)
      .map((line) => (line.message as { content: string }).content)
      .join('');
    expect(text.length).toBeGreaterThan(20);
    expect(lines.at(-1)).toMatchObject({ done: true, done_reason: 'stop' });
    expect((lines.at(-1)!.eval_count as number) >= lines.length - 1).toBe(true);
  });

  it('streams each tool call whole, with object arguments, like chat-stream-tools-docs.ndjson', async () => {
    const response = await post('/api/chat', {
      model: 'sim-tools',
      messages: question,
      tools: [weatherTool, { type: 'function', function: { name: 'get_time' } }],
    });
    const lines = readLines(await response.text());
    const fixture = readLines(readFixture('chat-stream-tools-docs.ndjson'));
    expect(lines).toHaveLength(3);
    expect(describeShape(lines[0])).toEqual(describeShape(fixture[0]));
    expect(lines[1]).toMatchObject({
      message: { tool_calls: [{ function: { name: 'get_time', arguments: {} } }] },
      done: false,
    });
    expect(describeShape(lines[2])).toEqual(describeShape(fixture[1]));
  });

  it('answers num_predict with done_reason length, and a load request without generating', async () => {
    const cut = await post('/api/chat', {
      model: 'sim-fast',
      messages: question,
      stream: false,
      options: { num_predict: 3 },
    });
    expect(await cut.json()).toMatchObject({ done_reason: 'length', eval_count: 3 });
    const load = await post('/api/chat', { model: 'sim-fast:latest', messages: [], stream: false });
    expect(await load.json()).toMatchObject({
      model: 'sim-fast:latest',
      message: { role: 'assistant', content: '' },
      done_reason: 'load',
      done: true,
    });
  });

  it('uses tool results named by tool_name in the answer after a round trip', async () => {
    const response = await post('/api/chat', {
      model: 'sim-tools',
      stream: false,
      tools: [weatherTool],
      messages: [
        ...question,
        {
          role: 'assistant',
          content: '',
          tool_calls: [{ function: { name: 'get_weather', arguments: { city: 'Tokyo' } } }],
        },
        { role: 'tool', tool_name: 'get_weather', content: '{"temperature_c":21}' },
      ],
    });
    const body = (await response.json()) as { message: { content: string; tool_calls?: unknown } };
    expect(body.message.tool_calls).toBeUndefined();
    expect(body.message.content).toContain('21');
  });
});

describe('/api/chat rejects what Ollama rejects', () => {
  const errorOf = async (body: unknown) => {
    const response = await post('/api/chat', body);
    return [response.status, await response.json()];
  };

  it('with Ollama error bodies', async () => {
    expect(await errorOf({ model: 'sim-nope', messages: question })).toEqual([
      404,
      { error: 'model "sim-nope" not found, try pulling it first' },
    ]);
    expect(await errorOf({ messages: question })).toEqual([400, { error: 'model is required' }]);
    expect(await errorOf({ model: 'sim-fast', messages: {} })).toEqual([
      400,
      {
        error:
          'json: cannot unmarshal object into Go struct field ChatRequest.messages of type []api.Message',
      },
    ]);
    const stringArguments = [
      { role: 'assistant', content: '', tool_calls: [{ function: { name: 'f', arguments: '{}' } }] },
    ];
    expect(await errorOf({ model: 'sim-fast', messages: stringArguments })).toEqual([
      400,
      {
        error:
          'json: cannot unmarshal string into Go struct field ToolCallFunction.messages.tool_calls.function.arguments of type api.ToolCallFunctionArguments',
      },
    ]);
    const dataUrl = [{ role: 'user', content: 'what is this?', images: ['data:image/png;base64,AAAA'] }];
    expect(await errorOf({ model: 'sim-fast', messages: dataUrl })).toEqual([
      400,
      { error: 'illegal base64 data at input byte 4' },
    ]);
    expect(await errorOf({ model: 'sim-fast', messages: question, format: 'yaml' })).toEqual([
      400,
      { error: 'invalid format: expected "json" or a valid JSON schema' },
    ]);
    const malformed = await post('/api/chat', '{"model":');
    expect([malformed.status, await malformed.json()]).toEqual([400, { error: 'unexpected EOF' }]);
    const wrongMethod = await fetch(`${simulator.url}/api/chat`);
    expect([wrongMethod.status, await wrongMethod.text()]).toEqual([404, '404 page not found']);
  });
});

describe('behaviours by model name', () => {
  it('ignores Authorization, as a local Ollama does', async () => {
    const response = await post(
      '/api/chat',
      { model: 'sim-fast', messages: question, stream: false },
      { authorization: 'Bearer invalid-quota-ratelimited' },
    );
    expect(response.status).toBe(200);
  });

  it('sim-down is a full queue (503), sim-429 a rate limit with retry-after, errorRate a runner crash', async () => {
    const down = await post('/api/chat', { model: 'sim-down', messages: question });
    expect([down.status, await down.json()]).toEqual([
      503,
      { error: 'server busy, please try again.  maximum pending requests exceeded' },
    ]);
    const limited = await post('/api/chat', { model: 'sim-429', messages: question });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    const crashed = await post('/api/chat', { model: 'sim-always-500', messages: question });
    expect(crashed.status).toBe(500);
    expect(((await crashed.json()) as { error: string }).error).toMatch(
      /^model runner has unexpectedly stopped/,
    );
  });

  it('sim-flaky fails some requests with the runner crash and answers the others', async () => {
    const statuses = new Set<number>();
    for (let index = 0; index < 30; index++) {
      const response = await post('/api/chat', { model: 'sim-flaky', messages: question, stream: false });
      statuses.add(response.status);
      await response.arrayBuffer();
    }
    expect([...statuses].sort()).toEqual([200, 500]);
  });

  it('sim-cut drops the stream after 3 tokens, before done; sim-hang never answers', async () => {
    const cut = await post('/api/chat', { model: 'sim-cut', messages: question });
    const reader = cut.body!.getReader();
    let text = '';
    const decoder = new TextDecoder();
    await expect(
      (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          text += decoder.decode(value);
        }
      })(),
    ).rejects.toThrow();
    const lines = readLines(text);
    expect(lines).toHaveLength(3);
    expect(lines.every((line) => line.done === false)).toBe(true);
    // The socket closes with the simulator at the end; that rejection is expected.
    const hung = post('/api/chat', { model: 'sim-hang', messages: question }).then(
      () => 'answered',
      () => 'closed',
    );
    const timeout = new Promise((resolve) => setTimeout(() => resolve('still waiting'), 150));
    expect(await Promise.race([hung, timeout])).toBe('still waiting');
  });
});

describe('/api/tags and /api/embed', () => {
  it('lists the behaviours as pulled models, in the shape of PROVIDERS.md §7.4', async () => {
    const response = await fetch(`${simulator.url}/api/tags`);
    const body = (await response.json()) as { models: Array<Record<string, unknown>> };
    const documented = {
      name: 'llama3.2:latest',
      model: 'llama3.2:latest',
      modified_at: '2024-09-25T12:00:00Z',
      size: 2019393189,
      digest: 'a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72',
      details: {
        parent_model: '',
        format: 'gguf',
        family: 'llama',
        families: ['llama'],
        parameter_size: '3.2B',
        quantization_level: 'Q4_K_M',
      },
    };
    expect(body.models.map((model) => model.name)).toContain('sim-fast:latest');
    for (const model of body.models) expect(describeShape(model)).toEqual(describeShape(documented));
    expect(body.models[0]!.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('embeds deterministically, unit length, with the prompt token count', async () => {
    const embed = async (body: unknown) => (await post('/api/embed', body)).json();
    const first = (await embed({ model: 'sim-fast', input: ['the harbour at dawn', 'tax forms'] })) as {
      model: string;
      embeddings: number[][];
      prompt_eval_count: number;
      total_duration: number;
    };
    expect(Object.keys(first)).toEqual([
      'model',
      'embeddings',
      'total_duration',
      'load_duration',
      'prompt_eval_count',
    ]);
    expect(first.embeddings).toHaveLength(2);
    expect(first.embeddings[0]).toHaveLength(768);
    const norm = Math.hypot(...first.embeddings[0]!);
    expect(norm).toBeCloseTo(1, 5);
    expect(first.prompt_eval_count).toBe(6);
    const again = (await embed({ model: 'sim-fast', input: 'the harbour at dawn', dimensions: 64 })) as {
      embeddings: number[][];
    };
    expect(again.embeddings[0]).toHaveLength(64);
    expect(await embed({ model: 'sim-fast', input: 'the harbour at dawn' })).toMatchObject({
      embeddings: [first.embeddings[0]],
    });
    expect(await embed({ model: 'sim-fast', input: '' })).toMatchObject({ embeddings: [] });
    const missing = await post('/api/embed', { model: 'sim-nope', input: 'x' });
    expect([missing.status, await missing.json()]).toEqual([
      404,
      { error: 'model "sim-nope" not found, try pulling it first' },
    ]);
    const invalid = await post('/api/embed', { model: 'sim-fast', input: [1, 2] });
    expect([invalid.status, await invalid.json()]).toEqual([400, { error: 'invalid input type' }]);
  });
});
