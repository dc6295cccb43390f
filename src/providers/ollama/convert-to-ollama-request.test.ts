import { describe, expect, it } from 'vitest';
import type { ChatMessage, ChatRequest } from '../../spec/chat-request.js';
import { convertToOllamaRequest } from './convert-to-ollama-request.js';

const convert = (request: Partial<ChatRequest>, isStream = false) =>
  convertToOllamaRequest(
    { model: 'ollama/llama3.2', messages: [{ role: 'user', content: 'hi' }], ...request },
    'llama3.2',
    isStream,
    'ollama',
  );

const pixel =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('convertToOllamaRequest', () => {
  it('translates a multi-turn tool conversation: parallel calls, the same function twice, empty arguments', () => {
    const messages: ChatMessage[] = [
      { role: 'developer', content: [{ type: 'text', text: 'Use tools.' }] },
      { role: 'user', content: 'Weather in Paris and Rome, and the time?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_paris',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
          },
          {
            id: 'call_rome',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Rome"}' },
          },
          { id: 'toolu_time', type: 'function', function: { name: 'get_time', arguments: '' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_rome', content: '{"temp":25}' },
      { role: 'tool', tool_call_id: 'call_paris', content: [{ type: 'text', text: '{"temp":18}' }] },
      { role: 'tool', tool_call_id: 'toolu_time', content: '12:00' },
      { role: 'assistant', content: 'Paris 18°, Rome 25°, noon.', reasoning_content: 'Compare them.' },
      { role: 'user', content: 'Thanks' },
    ];
    expect(convert({ messages }).messages).toEqual([
      { role: 'system', content: 'Use tools.' },
      { role: 'user', content: 'Weather in Paris and Rome, and the time?' },
      {
        role: 'assistant',
        content: '',
        tool_calls: [
          { id: 'call_paris', function: { index: 0, name: 'get_weather', arguments: { city: 'Paris' } } },
          { id: 'call_rome', function: { index: 1, name: 'get_weather', arguments: { city: 'Rome' } } },
          { id: 'toolu_time', function: { index: 2, name: 'get_time', arguments: {} } },
        ],
      },
      { role: 'tool', content: '{"temp":25}', tool_name: 'get_weather', tool_call_id: 'call_rome' },
      { role: 'tool', content: '{"temp":18}', tool_name: 'get_weather', tool_call_id: 'call_paris' },
      { role: 'tool', content: '12:00', tool_name: 'get_time', tool_call_id: 'toolu_time' },
      { role: 'assistant', content: 'Paris 18°, Rome 25°, noon.', thinking: 'Compare them.' },
      { role: 'user', content: 'Thanks' },
    ]);
  });

  it('sends a tool result whose call it cannot find without tool_name, and legacy function results', () => {
    const messages: ChatMessage[] = [
      { role: 'tool', tool_call_id: 'call_unknown', content: 'x' },
      { role: 'function', name: 'lookup', content: null },
    ];
    expect(convert({ messages }).messages).toEqual([
      { role: 'tool', content: 'x', tool_call_id: 'call_unknown' },
      { role: 'tool', content: '', tool_name: 'lookup' },
    ]);
  });

  it('refuses tool call arguments that are not a JSON object, naming the call', () => {
    for (const args of ['{"city":"Par', '["Paris"]']) {
      const messages: ChatMessage[] = [
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'call_bad', type: 'function', function: { name: 'get_weather', arguments: args } },
          ],
        },
      ];
      expect(() => convert({ messages })).toThrow(
        expect.objectContaining({ kind: 'bad-request', message: expect.stringContaining('"call_bad"') }),
      );
    }
  });

  it('sends data URL images as raw base64 and refuses image URLs with a clear message', () => {
    const image = (url: string): ChatMessage[] => [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is this?' },
          { type: 'image_url', image_url: { url } },
          { type: 'text', text: 'Be brief.' },
        ],
      },
    ];
    expect(convert({ messages: image(`data:image/png;base64,${pixel}`) }).messages).toEqual([
      { role: 'user', content: 'What is this?\nBe brief.', images: [pixel] },
    ]);
    const svg = convert({ messages: image('data:image/svg+xml,%3Csvg%2F%3E') }).messages as Array<{
      images: string[];
    }>;
    expect(Buffer.from(svg[0]!.images[0]!, 'base64').toString('utf8')).toBe('<svg/>');
    expect(() => convert({ messages: image('https://example.com/cat.png') })).toThrow(
      expect.objectContaining({
        kind: 'bad-request',
        message: expect.stringContaining('Ollama takes images as base64 data URLs'),
      }),
    );
    expect(() =>
      convert({ messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: {} }] }] }),
    ).toThrow(expect.objectContaining({ kind: 'bad-request' }));
  });

  it('maps response_format, sampling parameters and reasoning effort', () => {
    expect(
      convert({
        response_format: { type: 'json_object' },
        max_completion_tokens: 64,
        max_tokens: 10,
        temperature: 0,
        top_p: 0.9,
        stop: 'END',
        seed: 7,
        presence_penalty: 0.5,
        frequency_penalty: -0.5,
        reasoning_effort: 'none',
        logit_bias: { '1': 2 },
        user: 'u1',
      }),
    ).toEqual({
      model: 'llama3.2',
      messages: [{ role: 'user', content: 'hi' }],
      stream: false,
      format: 'json',
      options: {
        num_predict: 64,
        temperature: 0,
        top_p: 0.9,
        stop: ['END'],
        seed: 7,
        presence_penalty: 0.5,
        frequency_penalty: -0.5,
      },
      think: false,
    });
    const schema = { type: 'object', properties: { a: { type: 'string' } } };
    expect(
      convert({ response_format: { type: 'json_schema', json_schema: { name: 'x', schema } } }, true),
    ).toMatchObject({ format: schema, stream: true });
    expect(convert({ response_format: { type: 'text' } })).not.toHaveProperty('format');
    expect(convert({ reasoning_effort: 'xhigh' }).think).toBe('high');
    expect(convert({ reasoning_effort: 'max' }).think).toBe('max');
  });

  it('approximates tool_choice by the tools it offers', () => {
    const tools = ['a', 'b'].map((name) => ({ type: 'function' as const, function: { name } }));
    expect(convert({ tools, tool_choice: 'none' })).not.toHaveProperty('tools');
    expect(convert({ tools, tool_choice: { type: 'function', function: { name: 'b' } } }).tools).toEqual([
      { type: 'function', function: { name: 'b' } },
    ]);
    expect(convert({ tools, tool_choice: 'required' }).tools).toHaveLength(2);
  });
});
