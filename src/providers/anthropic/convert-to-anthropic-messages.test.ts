import { describe, expect, it } from 'vitest';
import type { ChatMessage, ChatRequest } from '../../spec/chat-request.js';
import { ProviderError } from '../../spec/provider-error.js';
import { convertToAnthropicRequest } from './convert-to-anthropic-request.js';

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

describe('convertToAnthropicMessages (through convertToAnthropicRequest)', () => {
  it('moves system and developer messages to the top-level system, joined with a newline', () => {
    const body = convert({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'developer', content: [{ type: 'text', text: 'Answer in French.' }] },
        { role: 'user', content: 'Hello' },
      ],
    });
    expect(body).toEqual({
      model: 'claude-sonnet-4-5',
      max_tokens: 64_000,
      system: 'Be brief.\nAnswer in French.',
      messages: [{ role: 'user', content: 'Hello' }],
    });
  });

  it('keeps multi-turn order and merges consecutive turns of one role into blocks', () => {
    const body = convert({
      messages: [
        { role: 'user', content: 'First' },
        { role: 'user', content: [{ type: 'text', text: 'Second' }] },
        { role: 'assistant', content: 'Answer' },
        { role: 'assistant', content: [{ type: 'text', text: 'More' }] },
        { role: 'user', content: 'Third' },
      ],
    });
    expect(body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'First' },
          { type: 'text', text: 'Second' },
        ],
      },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Answer' },
          { type: 'text', text: 'More' },
        ],
      },
      { role: 'user', content: 'Third' },
    ]);
  });

  it('trims trailing whitespace from a final assistant prefill, which Anthropic rejects', () => {
    const body = convert({
      messages: [
        { role: 'user', content: 'Write JSON' },
        { role: 'assistant', content: '{ \n' },
      ],
    });
    expect(body.messages.at(-1)).toEqual({ role: 'assistant', content: '{' });
  });

  it('converts data-URI images to base64 sources and https images to url sources', () => {
    const body = convert({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Compare these' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg', detail: 'high' } },
          ],
        },
      ],
    });
    expect(body.messages[0]!.content).toEqual([
      { type: 'text', text: 'Compare these' },
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
      { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } },
    ]);
  });

  it('sends inline PDF files as documents and refuses audio and unusable images', () => {
    const body = convert({
      messages: [
        {
          role: 'user',
          content: [{ type: 'file', file: { file_data: 'data:application/pdf;base64,JVBERi0=' } }],
        },
      ],
    });
    expect(body.messages[0]!.content).toEqual([
      { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0=' } },
    ]);
    const audio = () =>
      convert({
        messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'AA' } }] }],
      });
    expect(audio).toThrow(ProviderError);
    expect(audio).toThrow(expect.objectContaining({ kind: 'bad-request', param: 'messages[0].content[0]' }));
    const ftp = () =>
      convert({
        messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'ftp://x/y.png' } }] }],
      });
    expect(ftp).toThrow(expect.objectContaining({ kind: 'bad-request' }));
  });
});

describe('tool round trip and tools (through convertToAnthropicRequest)', () => {
  const roundTrip: ChatMessage[] = [
    { role: 'user', content: 'Weather in Paris and Oslo?' },
    {
      role: 'assistant',
      content: 'Checking both.',
      tool_calls: [
        { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
        { id: 'call.2', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } },
      ],
    },
    { role: 'tool', tool_call_id: 'call_1', content: '{"temp":21}' },
    { role: 'tool', tool_call_id: 'call.2', content: [{ type: 'text', text: '{"temp":9}' }] },
    { role: 'user', content: 'Which is warmer?' },
  ];

  it('turns tool_calls into tool_use blocks and consecutive tool messages into ONE user turn', () => {
    const body = convert({ messages: roundTrip, tools: [weatherTool] });
    expect(body.messages).toEqual([
      { role: 'user', content: 'Weather in Paris and Oslo?' },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Checking both.' },
          { type: 'tool_use', id: 'call_1', name: 'get_weather', input: { city: 'Paris' } },
          { type: 'tool_use', id: 'call_2', name: 'get_weather', input: { city: 'Oslo' } },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'call_1', content: '{"temp":21}' },
          { type: 'tool_result', tool_use_id: 'call_2', content: [{ type: 'text', text: '{"temp":9}' }] },
          { type: 'text', text: 'Which is warmer?' },
        ],
      },
    ]);
  });

  it('sends invalid or non-object tool arguments as {} and a tool-only turn without text', () => {
    const body = convert({
      messages: [
        { role: 'user', content: 'Go' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'a', type: 'function', function: { name: 'f', arguments: '{"cut": "in the mid' } },
            { id: 'b', type: 'function', function: { name: 'f', arguments: '[1,2]' } },
            { id: 'c', type: 'function', function: { name: 'f', arguments: '' } },
          ],
        },
        { role: 'tool', tool_call_id: 'a', content: 'error' },
        { role: 'tool', tool_call_id: 'b', content: 'error' },
        { role: 'tool', tool_call_id: 'c', content: 'ok' },
      ],
    });
    expect(body.messages[1]).toEqual({
      role: 'assistant',
      content: ['a', 'b', 'c'].map((id) => ({ type: 'tool_use', id, name: 'f', input: {} })),
    });
  });

  it('maps legacy function_call / function messages onto a tool_use / tool_result pair', () => {
    const body = convert({
      messages: [
        { role: 'user', content: 'Go' },
        { role: 'assistant', content: null, function_call: { name: 'f', arguments: '{"x":1}' } },
        { role: 'function', name: 'f', content: 'done' },
      ],
    });
    expect(body.messages.slice(1)).toEqual([
      { role: 'assistant', content: [{ type: 'tool_use', id: 'function_1', name: 'f', input: { x: 1 } }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'function_1', content: 'done' }] },
    ]);
  });

  it('maps tools and every tool_choice, with parallel_tool_calls:false', () => {
    expect(convert({ tools: [weatherTool] }).tools).toEqual([
      {
        name: 'get_weather',
        description: 'Weather in a city',
        input_schema: weatherTool.function.parameters,
      },
    ]);
    const choiceFor = (request: Partial<ChatRequest>) =>
      convert({ tools: [weatherTool], ...request }).tool_choice;
    expect(choiceFor({})).toBeUndefined();
    expect(choiceFor({ tool_choice: 'auto' })).toEqual({ type: 'auto' });
    expect(choiceFor({ tool_choice: 'none' })).toEqual({ type: 'none' });
    expect(choiceFor({ tool_choice: 'required' })).toEqual({ type: 'any' });
    expect(choiceFor({ tool_choice: { type: 'function', function: { name: 'get_weather' } } })).toEqual({
      type: 'tool',
      name: 'get_weather',
    });
    expect(choiceFor({ parallel_tool_calls: false })).toEqual({
      type: 'auto',
      disable_parallel_tool_use: true,
    });
    expect(choiceFor({ tool_choice: 'required', parallel_tool_calls: false })).toEqual({
      type: 'any',
      disable_parallel_tool_use: true,
    });
    expect(convert({ tool_choice: 'required' })).not.toHaveProperty('tool_choice');
  });

  it('keeps only allowed tools and gives parameterless tools an object schema', () => {
    const bare = { type: 'function' as const, function: { name: 'ping' } };
    const body = convert({
      tools: [weatherTool, bare],
      tool_choice: {
        type: 'allowed_tools',
        allowed_tools: { mode: 'required', tools: [{ type: 'function', function: { name: 'ping' } }] },
      },
    });
    expect(body.tools).toEqual([{ name: 'ping', input_schema: { type: 'object', properties: {} } }]);
    expect(body.tool_choice).toEqual({ type: 'any' });
  });
});
