import { describe, expect, it } from 'vitest';
import type { ChatMessage, ChatRequest, ChatTool, ToolCall } from '../../spec/chat-request.js';
import { convertGeminiResponse } from './convert-gemini-response.js';
import { convertToGeminiRequest } from './convert-to-gemini-request.js';

const weather: ChatTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Weather in a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};
const time: ChatTool = { type: 'function', function: { name: 'get_time' } };

const convert = (request: Partial<ChatRequest>, model = 'gemini-2.5-flash') =>
  convertToGeminiRequest({ model: 'gemini/x', messages: [], ...request }, model, 'gemini');

/** A Gemini answer with the given function calls, as the adapter returns it to the caller. */
function answerWithCalls(
  calls: Array<{ name: string; args: unknown; thoughtSignature?: string }>,
): ToolCall[] {
  const body = {
    candidates: [
      {
        content: {
          role: 'model',
          parts: calls.map(({ name, args, thoughtSignature }) => ({
            functionCall: { name, args },
            ...(thoughtSignature ? { thoughtSignature } : {}),
          })),
        },
        finishReason: 'STOP',
      },
    ],
  };
  return convertGeminiResponse(body, 'gemini', 'gemini-3-pro-preview').choices[0]!.message.tool_calls!;
}

describe('convertToGeminiRequest', () => {
  it('moves system and developer messages to systemInstruction and merges same-role turns', () => {
    const body = convert({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hello' },
        { role: 'developer', content: [{ type: 'text', text: 'Answer in French.' }] },
        { role: 'user', content: [{ type: 'text', text: 'How are you?' }] },
        { role: 'assistant', content: 'Bien.' },
        { role: 'assistant', content: [{ type: 'text', text: 'Et vous ?' }] },
      ],
    });
    expect(body).toEqual({
      contents: [
        { role: 'user', parts: [{ text: 'Hello' }, { text: 'How are you?' }] },
        { role: 'model', parts: [{ text: 'Bien.' }, { text: 'Et vous ?' }] },
      ],
      generationConfig: {},
      systemInstruction: { parts: [{ text: 'Be brief.' }, { text: 'Answer in French.' }], role: 'user' },
    });
  });

  it('maps sampling options, JSON output and reasoning effort to generationConfig', () => {
    const body = convert({
      messages: [{ role: 'user', content: 'Give JSON' }],
      max_tokens: 100,
      max_completion_tokens: 200,
      temperature: 0.3,
      top_p: 0.9,
      stop: 'END',
      seed: 7,
      n: 2,
      presence_penalty: 0.5,
      frequency_penalty: 0.25,
      response_format: { type: 'json_schema', json_schema: { name: 'a', schema: { type: 'object' } } },
      reasoning_effort: 'low',
    });
    expect(body.generationConfig).toEqual({
      maxOutputTokens: 200,
      temperature: 0.3,
      topP: 0.9,
      stopSequences: ['END'],
      seed: 7,
      candidateCount: 2,
      presencePenalty: 0.5,
      frequencyPenalty: 0.25,
      responseMimeType: 'application/json',
      responseJsonSchema: { type: 'object' },
      thinkingConfig: { thinkingBudget: 1024, includeThoughts: true },
    });
    expect(convert({ response_format: { type: 'json_object' } }).generationConfig).toEqual({
      responseMimeType: 'application/json',
    });
    // Gemini 3 takes a level, never a budget; `none` is the lowest level there.
    expect(convert({ reasoning_effort: 'high' }, 'gemini-3-pro-preview').generationConfig).toEqual({
      thinkingConfig: { thinkingLevel: 'HIGH', includeThoughts: true },
    });
    expect(convert({ reasoning_effort: 'none' }).generationConfig).toEqual({
      thinkingConfig: { thinkingBudget: 0, includeThoughts: false },
    });
  });

  it('declares tools with parametersJsonSchema and maps every tool_choice', () => {
    const tools = [weather, time];
    expect(convert({ tools })).toMatchObject({
      tools: [
        {
          functionDeclarations: [
            {
              name: 'get_weather',
              description: 'Weather in a city',
              parametersJsonSchema: weather.function.parameters,
            },
            { name: 'get_time', description: '' },
          ],
        },
      ],
    });
    expect(convert({ tools })).not.toHaveProperty('toolConfig');
    const modeOf = (tool_choice: ChatRequest['tool_choice']) => convert({ tools, tool_choice }).toolConfig;
    expect(modeOf('auto')).toEqual({ functionCallingConfig: { mode: 'AUTO' } });
    expect(modeOf('none')).toEqual({ functionCallingConfig: { mode: 'NONE' } });
    expect(modeOf('required')).toEqual({ functionCallingConfig: { mode: 'ANY' } });
    expect(modeOf({ type: 'function', function: { name: 'get_time' } })).toEqual({
      functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['get_time'] },
    });
    const allowed = convert({
      tools,
      tool_choice: { type: 'allowed_tools', allowed_tools: { mode: 'auto', tools: [time] } },
    });
    expect(allowed.tools).toEqual([{ functionDeclarations: [{ name: 'get_time', description: '' }] }]);
    expect(allowed.toolConfig).toEqual({ functionCallingConfig: { mode: 'AUTO' } });
    expect(convert({ tool_choice: 'required' })).not.toHaveProperty('toolConfig');
  });

  it('sends images, audio and files inline or by URI, and refuses media of unknown type', () => {
    const body = convert({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is this?' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
            { type: 'image_url', image_url: { url: 'https://example.com/photos/cat.JPG?size=large' } },
            { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
            { type: 'file', file: { file_data: 'data:application/pdf;base64,JVBERi0=', filename: 'a.pdf' } },
          ],
        },
      ],
    });
    expect(body.contents).toEqual([
      {
        role: 'user',
        parts: [
          { text: 'What is this?' },
          { inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } },
          { fileData: { mimeType: 'image/jpeg', fileUri: 'https://example.com/photos/cat.JPG?size=large' } },
          { inlineData: { mimeType: 'audio/wav', data: 'UklGRg==' } },
          { inlineData: { mimeType: 'application/pdf', data: 'JVBERi0=' } },
        ],
      },
    ]);
    const unknown: ChatMessage = {
      role: 'user',
      content: [{ type: 'image_url', image_url: { url: 'https://example.com/image' } }],
    };
    expect(() => convert({ messages: [unknown] })).toThrow(
      expect.objectContaining({ kind: 'bad-request', param: 'messages[0].content[0]' }),
    );
    expect(() =>
      convert({ messages: [{ role: 'user', content: [{ type: 'file', file: { file_id: 'file-abc' } }] }] }),
    ).toThrow(/file ids/);
  });
});

describe('tool calls across turns', () => {
  it('synthesizes unique ids and resolves each tool result to its function name (parallel, same function twice)', () => {
    const firstCalls = answerWithCalls([
      { name: 'get_weather', args: { city: 'Paris' }, thoughtSignature: 'c2lnbmF0dXJlLW9uZQ==' },
      { name: 'get_weather', args: { city: 'Oslo' } },
      { name: 'get_time', args: {} },
    ]);
    expect(new Set(firstCalls.map((call) => call.id)).size).toBe(3);
    const secondCalls = answerWithCalls([
      { name: 'get_weather', args: { city: 'Rome' }, thoughtSignature: 'c2ln+/8=' },
    ]);
    const messages: ChatMessage[] = [
      { role: 'user', content: 'Weather in Paris and Oslo, and the time?' },
      { role: 'assistant', content: null, tool_calls: firstCalls },
      // Results in another order than the calls: names come from the ids, not the positions.
      { role: 'tool', tool_call_id: firstCalls[2]!.id, content: '12:00' },
      { role: 'tool', tool_call_id: firstCalls[1]!.id, content: '{"temperature":-3}' },
      { role: 'tool', tool_call_id: firstCalls[0]!.id, content: [{ type: 'text', text: '[21, "sunny"]' }] },
      { role: 'assistant', content: 'Paris 21, Oslo -3, noon.' },
      { role: 'user', content: 'And Rome?' },
      { role: 'assistant', content: 'Checking.', tool_calls: secondCalls },
      { role: 'tool', tool_call_id: secondCalls[0]!.id, content: 'warm' },
    ];
    const body = convert({ messages, tools: [weather, time] }, 'gemini-3-pro-preview');
    expect(body.contents).toEqual([
      { role: 'user', parts: [{ text: 'Weather in Paris and Oslo, and the time?' }] },
      {
        role: 'model',
        parts: [
          // Gemini signs only the first of parallel calls; the signature comes back exactly as sent.
          {
            functionCall: { name: 'get_weather', args: { city: 'Paris' } },
            thoughtSignature: 'c2lnbmF0dXJlLW9uZQ==',
          },
          { functionCall: { name: 'get_weather', args: { city: 'Oslo' } } },
          { functionCall: { name: 'get_time', args: {} } },
        ],
      },
      {
        role: 'user',
        parts: [
          { functionResponse: { name: 'get_time', response: { output: '12:00' } } },
          { functionResponse: { name: 'get_weather', response: { temperature: -3 } } },
          { functionResponse: { name: 'get_weather', response: { output: '[21, "sunny"]' } } },
        ],
      },
      { role: 'model', parts: [{ text: 'Paris 21, Oslo -3, noon.' }] },
      { role: 'user', parts: [{ text: 'And Rome?' }] },
      {
        role: 'model',
        parts: [
          { text: 'Checking.' },
          { functionCall: { name: 'get_weather', args: { city: 'Rome' } }, thoughtSignature: 'c2ln+/8=' },
        ],
      },
      { role: 'user', parts: [{ functionResponse: { name: 'get_weather', response: { output: 'warm' } } }] },
    ]);
  });

  it('refuses a tool result whose call is not in the request, naming the message', () => {
    expect(() =>
      convert({
        messages: [
          { role: 'user', content: 'hi' },
          { role: 'tool', tool_call_id: 'call_gone', content: 'x' },
        ],
      }),
    ).toThrow(expect.objectContaining({ kind: 'bad-request', param: 'messages[1].tool_call_id' }));
  });

  it('sends empty arguments as {} and arguments that are not a JSON object wrapped, never failing the turn', () => {
    const call = (id: string, args: string): ToolCall => ({
      id,
      type: 'function',
      function: { name: 'get_time', arguments: args },
    });
    const body = convert({
      messages: [
        { role: 'user', content: 'time?' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [call('a', ''), call('b', '{"city": "Par'), call('c', '[1]')],
        },
      ],
    });
    expect(body.contents).toEqual([
      { role: 'user', parts: [{ text: 'time?' }] },
      {
        role: 'model',
        parts: [
          { functionCall: { name: 'get_time', args: {} } },
          { functionCall: { name: 'get_time', args: { arguments: '{"city": "Par' } } },
          { functionCall: { name: 'get_time', args: { arguments: '[1]' } } },
        ],
      },
    ]);
  });
});
