import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../index.js';

/** Key paths of a JSON value in document order (`$.data[0].id`), to compare shapes, not values. */
function describeKeyPaths(value: unknown, path = '$'): string[] {
  if (Array.isArray(value))
    return [path, ...value.flatMap((item, index) => describeKeyPaths(item, `${path}[${index}]`))];
  if (typeof value === 'object' && value !== null) {
    return [
      path,
      ...Object.entries(value).flatMap(([key, item]) => describeKeyPaths(item, `${path}.${key}`)),
    ];
  }
  return [path];
}

const question = [{ role: 'user', content: 'What is the weather like in Edinburgh this week?' }];
const weatherTool = {
  name: 'get_weather',
  description: 'Weather in a city',
  input_schema: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
};

let simulator: Simulator;
beforeAll(async () => {
  simulator = await createSimulator({ timeScale: 0 });
});
afterAll(() => simulator.close());

async function post(body: unknown, path = '/v1/messages') {
  return fetch(`${simulator.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-api-key': 'sk-ant-rules',
      'anthropic-version': '2023-06-01',
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe("the simulator applies Anthropic's request rules", () => {
  const reject = async (body: unknown) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    return ((await response.json()) as { error: { message: string } }).error.message;
  };

  it('rejects bad bodies with Anthropic-style messages', async () => {
    expect(await reject('{"model":')).toMatch(/error parsing the body/);
    expect(await reject({ max_tokens: 5, messages: question })).toBe('model: Field required');
    expect(
      await reject({ model: 'sim-fast', max_tokens: 5, messages: [{ role: 'system', content: 'x' }] }),
    ).toBe("messages.0.role: Input should be 'user' or 'assistant'");
    expect(await reject({ model: 'sim-fast', max_tokens: 5, messages: question, temperature: 1.5 })).toBe(
      'temperature: Input should be less than or equal to 1',
    );
    expect(
      await reject({
        model: 'sim-fast',
        max_tokens: 5,
        messages: [...question, { role: 'assistant', content: 'Well ' }],
      }),
    ).toBe('final assistant content cannot end with trailing whitespace');
    expect(
      await reject({
        model: 'sim-fast',
        max_tokens: 2000,
        thinking: { type: 'enabled', budget_tokens: 4000 },
        messages: question,
      }),
    ).toMatch(/^`max_tokens` must be greater than `thinking.budget_tokens`/);
  });

  it('checks tool_use / tool_result pairing like Anthropic', async () => {
    const toolTurn = {
      role: 'assistant',
      content: [{ type: 'tool_use', id: 'toolu_a', name: 'get_weather', input: {} }],
    };
    expect(
      await reject({
        model: 'sim-fast',
        max_tokens: 5,
        tools: [weatherTool],
        messages: [...question, toolTurn, { role: 'user', content: 'and?' }],
      }),
    ).toMatch(
      /^messages.2: `tool_use` ids were found without `tool_result` blocks immediately after: toolu_a/,
    );
    expect(
      await reject({
        model: 'sim-fast',
        max_tokens: 5,
        messages: [
          ...question,
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_x', content: 'hi' }] },
        ],
      }),
    ).toMatch(/unexpected `tool_use_id` found in `tool_result` blocks: toolu_x/);
  });

  it('stops at the earliest stop sequence and reports it; a token limit ends with max_tokens', async () => {
    const body = { model: 'sim-fast', max_tokens: 400, messages: question };
    const full = ((await (await post(body)).json()) as { content: Array<{ text: string }> }).content[0]!.text;
    const words = full.split(' ');
    const stop = ` ${words[5]}`;
    const stopped = (await (await post({ ...body, stop_sequences: ['zzz-never', stop] })).json()) as {
      content: Array<{ text: string }>;
      stop_reason: string;
      stop_sequence: string;
    };
    expect(stopped).toMatchObject({ stop_reason: 'stop_sequence', stop_sequence: stop });
    expect(stopped.content[0]!.text).toBe(full.slice(0, full.indexOf(stop)));
    const limited = (await (await post({ ...body, max_tokens: 5 })).json()) as {
      stop_reason: string;
      usage: { output_tokens: number };
    };
    expect(limited).toMatchObject({ stop_reason: 'max_tokens', usage: { output_tokens: 5 } });
  });

  it('counts tokens as /v1/messages bills them, and serves /v1/models only to Anthropic requests', async () => {
    const counted = (await (
      await post({ model: 'sim-fast', messages: question }, '/v1/messages/count_tokens')
    ).json()) as {
      input_tokens: number;
    };
    const message = (await (await post({ model: 'sim-fast', max_tokens: 5, messages: question })).json()) as {
      usage: { input_tokens: number };
    };
    expect(counted.input_tokens).toBe(message.usage.input_tokens);
    const headers = { 'x-api-key': 'sk-ant-models', 'anthropic-version': '2023-06-01' };
    const page = (await (await fetch(`${simulator.url}/v1/models?limit=2`, { headers })).json()) as Record<
      string,
      unknown
    >;
    expect(page).toMatchObject({ has_more: true, first_id: 'sim-fast', last_id: 'sim-instant' });
    expect(describeKeyPaths((page.data as unknown[])[0])).toEqual([
      '$',
      '$.type',
      '$.id',
      '$.display_name',
      '$.created_at',
      '$.max_input_tokens',
      '$.max_tokens',
      '$.capabilities',
    ]);
    const next = (await (
      await fetch(`${simulator.url}/v1/models?limit=1000&after_id=sim-instant`, { headers })
    ).json()) as {
      data: Array<{ id: string }>;
      has_more: boolean;
    };
    expect(next.has_more).toBe(false);
    expect(next.data.map((model) => model.id)).toContain('sim-overloaded-midstream');
    const one = await fetch(`${simulator.url}/v1/models/sim-tools`, { headers });
    expect(await one.json()).toMatchObject({ type: 'model', id: 'sim-tools' });
    const openAI = await fetch(`${simulator.url}/v1/models`, {
      headers: { authorization: 'Bearer sk-openai' },
    });
    expect(await openAI.json()).toMatchObject({ object: 'list' });
  });
});
