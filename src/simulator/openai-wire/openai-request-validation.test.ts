import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../index.js';

let simulator: Simulator;

beforeAll(async () => {
  simulator = await createSimulator({ timeScale: 0 });
});
afterAll(() => simulator.close());

interface ErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

async function send(path: string, body: string | undefined, method = 'POST'): Promise<[number, ErrorBody]> {
  const response = await fetch(`${simulator.url}${path}`, {
    method,
    headers: { authorization: 'Bearer sk-validation-test', 'content-type': 'application/json' },
    body,
  });
  return [response.status, (await response.json()) as ErrorBody];
}

const chat = (body: unknown) => send('/v1/chat/completions', JSON.stringify(body));
const messages = [{ role: 'user', content: 'Hello there' }];

describe('requests OpenAI rejects before running a model', () => {
  it('malformed JSON is a 400 invalid_request_error', async () => {
    const [status, body] = await send('/v1/chat/completions', '{"model": "sim-fast", ');
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ type: 'invalid_request_error', param: null });
    expect(body.error.message).toContain('We could not parse the JSON body of your request.');
  });

  it.each([
    [{ messages }, 'model', 'missing_required_parameter'],
    [{ model: 'sim-fast' }, 'messages', 'missing_required_parameter'],
    [{ model: 'sim-fast', messages: [] }, 'messages', 'empty_array'],
    [
      { model: 'sim-fast', messages: [{ role: 'robot', content: 'hi' }] },
      'messages[0].role',
      'invalid_value',
    ],
    [
      { model: 'sim-fast', messages: [{ role: 'tool', content: '1' }] },
      'messages[0].tool_call_id',
      'missing_required_parameter',
    ],
    [{ model: 'sim-fast', messages, max_tokens: 0 }, 'max_tokens', 'integer_below_min_value'],
    [{ model: 'sim-fast', messages, n: 1.5 }, 'n', 'invalid_type'],
    [{ model: 'sim-fast', messages, stop: ['a', 'b', 'c', 'd', 'e'] }, 'stop', 'array_above_max_length'],
    [
      { model: 'sim-fast', messages, response_format: { type: 'yaml' } },
      'response_format.type',
      'invalid_value',
    ],
    [{ model: 'sim-fast', messages, tool_choice: 'required' }, 'tool_choice', null],
  ])('%j → 400 naming %s', async (body, param, code) => {
    const [status, response] = await chat(body);
    expect(status).toBe(400);
    expect(response.error).toMatchObject({ type: 'invalid_request_error', param, code });
  });

  it('an unknown sim-* model is a 404 model_not_found; real-looking ids are served', async () => {
    const [status, body] = await chat({ model: 'sim-missing', messages });
    expect(status).toBe(404);
    expect(body).toEqual({
      error: {
        message: 'The model `sim-missing` does not exist or you do not have access to it.',
        type: 'invalid_request_error',
        param: null,
        code: 'model_not_found',
      },
    });
    const [modelStatus] = await send('/v1/models/sim-nothing', undefined, 'GET');
    expect(modelStatus).toBe(404);
  });

  it('unknown paths and methods are a 404 in OpenAI form', async () => {
    const [status, body] = await send('/v1/completions-of-some-kind', '{}');
    expect(status).toBe(404);
    expect(body.error.message).toBe('Invalid URL (POST /v1/completions-of-some-kind)');
    const [getStatus] = await send('/v1/chat/completions', undefined, 'GET');
    expect(getStatus).toBe(404);
  });

  it('records requests with their headers, parsed body and model, keeping the last 200', async () => {
    simulator.reset();
    await chat({ model: 'gpt-4o-mini', messages, temperature: 0.3 });
    expect(simulator.requests).toHaveLength(1);
    expect(simulator.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1/chat/completions',
      model: 'gpt-4o-mini',
      body: { model: 'gpt-4o-mini', messages, temperature: 0.3 },
      headers: { authorization: 'Bearer sk-validation-test' },
    });
    await Promise.all(Array.from({ length: 210 }, () => chat({ model: 'sim-instant', messages })));
    expect(simulator.requests).toHaveLength(200);
    expect(simulator.stats().requests).toBe(211);
    expect(simulator.stats().byModel).toEqual({ 'gpt-4o-mini': 1, 'sim-instant': 210 });
  });
});
