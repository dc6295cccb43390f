import { describe, expect, it } from 'vitest';
import type { ChatRequest } from '../../spec/chat-request.js';
import { convertToAnthropicRequest, jsonObjectInstruction } from './convert-to-anthropic-request.js';

const convert = (request: Partial<ChatRequest>, model = 'claude-sonnet-4-5', isStream = false) =>
  convertToAnthropicRequest(
    { model: 'anthropic/x', messages: [{ role: 'user', content: 'Hi' }], ...request },
    model,
    isStream,
    'anthropic',
  );

const weatherTool = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Weather in a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

describe('convertToAnthropicRequest: parameters', () => {
  it('takes max_completion_tokens before max_tokens, else the model default', () => {
    expect(convert({ max_tokens: 100, max_completion_tokens: 50 }).max_tokens).toBe(50);
    expect(convert({ max_tokens: 100 }).max_tokens).toBe(100);
    expect(convert({}, 'claude-opus-4-1').max_tokens).toBe(32_000);
    expect(convert({}, 'claude-3-5-haiku-latest').max_tokens).toBe(8192);
    expect(convert({}, 'my-proxy-model').max_tokens).toBe(4096);
  });

  it('maps stop, user, stream, and drops what Anthropic does not take', () => {
    const body = convert(
      {
        stop: ['END', '  ', 'STOP'],
        user: 'user-42',
        seed: 7,
        logprobs: true,
        presence_penalty: 1,
        frequency_penalty: 1,
        logit_bias: { '1': 2 },
        stream_options: { include_usage: true },
        some_openai_extra: true,
      },
      'claude-sonnet-4-5',
      true,
    );
    expect(body).toEqual({
      model: 'claude-sonnet-4-5',
      max_tokens: 64_000,
      messages: [{ role: 'user', content: 'Hi' }],
      stop_sequences: ['END', 'STOP'],
      metadata: { user_id: 'user-42' },
      stream: true,
    });
    expect(convert({ stop: 'END' }).stop_sequences).toEqual(['END']);
  });

  it('refuses n > 1 with a bad-request naming n', () => {
    expect(() => convert({ n: 2 })).toThrow(expect.objectContaining({ kind: 'bad-request', param: 'n' }));
    expect(convert({ n: 1 })).not.toHaveProperty('n');
  });

  it('clamps temperature to 0..1 and keeps top_p and top_k for models that take them', () => {
    expect(convert({ temperature: 1.7, top_p: 0.9, top_k: 40 })).toMatchObject({
      temperature: 1,
      top_p: 0.9,
      top_k: 40,
    });
    expect(convert({ temperature: -1 }).temperature).toBe(0);
    expect(convert({ temperature: 0.3 }, 'claude-opus-4-6').temperature).toBe(0.3);
  });

  it('drops temperature, top_p and top_k for models released after Claude Opus 4.6', () => {
    for (const model of ['claude-opus-4-7', 'claude-opus-4-8', 'claude-sonnet-5', 'claude-mythos-preview']) {
      const body = convert({ temperature: 0.2, top_p: 0.5, top_k: 10 }, model);
      expect(body, model).not.toHaveProperty('temperature');
      expect(body, model).not.toHaveProperty('top_p');
      expect(body, model).not.toHaveProperty('top_k');
    }
  });

  it('maps json_schema to output_config.format and json_object to a system instruction', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] };
    expect(
      convert({ response_format: { type: 'json_schema', json_schema: { name: 'answer', schema } } })
        .output_config,
    ).toEqual({ format: { type: 'json_schema', schema } });
    const jsonMode = convert({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
      response_format: { type: 'json_object' },
    });
    expect(jsonMode.system).toBe(`Be brief.\n${jsonObjectInstruction}`);
    expect(convert({ response_format: { type: 'json_object' } }).system).toBe(jsonObjectInstruction);
  });
});

describe('convertToAnthropicRequest: reasoning_effort', () => {
  it('uses adaptive thinking with output_config.effort on Claude 4.6 and later', () => {
    const body = convert({ reasoning_effort: 'high', temperature: 0.5 }, 'claude-opus-4-6');
    expect(body.thinking).toEqual({ type: 'adaptive' });
    expect(body.output_config).toEqual({ effort: 'high' });
    expect(body).not.toHaveProperty('temperature');
  });

  it('uses a thinking budget below max_tokens on older models', () => {
    expect(convert({ reasoning_effort: 'medium' }, 'claude-sonnet-4-5')).toMatchObject({
      max_tokens: 64_000,
      thinking: { type: 'enabled', budget_tokens: 4096 },
    });
    expect(convert({ reasoning_effort: 'high', max_tokens: 5000 }, 'claude-sonnet-4-5')).toMatchObject({
      max_tokens: 5000,
      thinking: { type: 'enabled', budget_tokens: 4999 },
    });
    expect(convert({ reasoning_effort: 'low', max_tokens: 500 }, 'claude-sonnet-4-5')).not.toHaveProperty(
      'thinking',
    );
    expect(convert({ reasoning_effort: 'high' }, 'my-proxy-model')).toMatchObject({
      max_tokens: 16_384 + 4096,
      thinking: { type: 'enabled', budget_tokens: 16_384 },
    });
  });

  it('disables thinking for none, keeps top_p ≥ 0.95 only, and yields to a forced tool choice', () => {
    expect(convert({ reasoning_effort: 'none' }).thinking).toEqual({ type: 'disabled' });
    expect(convert({ reasoning_effort: 'low', top_p: 0.9, top_k: 5 })).not.toHaveProperty('top_p');
    expect(convert({ reasoning_effort: 'low', top_p: 0.97 }).top_p).toBe(0.97);
    const forced = convert({ reasoning_effort: 'high', tools: [weatherTool], tool_choice: 'required' });
    expect(forced).not.toHaveProperty('thinking');
    expect(forced.tool_choice).toEqual({ type: 'any' });
  });
});
