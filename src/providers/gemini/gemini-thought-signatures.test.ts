import { describe, expect, it } from 'vitest';
import type { ChatMessage, ChatRequest } from '../../spec/chat-request.js';
import { convertToGeminiRequest } from './convert-to-gemini-request.js';
import { createGeminiToolCallId, getThoughtSignatureFromToolCallId } from './gemini-tool-call-id.js';

const convert = (request: Partial<ChatRequest>, model: string) =>
  convertToGeminiRequest({ model: 'gemini/x', messages: [], ...request }, model, 'gemini');

describe('thought signatures', () => {
  it('round-trips a signature through the tool call id, byte for byte', () => {
    const signature =
      'EskgCsYgAb4+9vtF7/499YQS2bjZs3xcQI+iAl+ILn29nK1j0Kg6su7QsUUUk3nrAAfnS2w5WiVvlcCqu9fAebJ2cvfaEyBahEt5';
    for (const padded of [signature, `${signature}AA==`, `${signature}AAA=`]) {
      const id = createGeminiToolCallId(padded);
      expect(id).toMatch(/^call_[A-Za-z0-9]{24}_ts_[A-Za-z0-9_-]+$/);
      expect(getThoughtSignatureFromToolCallId(id)).toBe(padded);
    }
    expect(getThoughtSignatureFromToolCallId(createGeminiToolCallId())).toBeUndefined();
    expect(getThoughtSignatureFromToolCallId('toolu_01A09q90qw90lq917835lq9')).toBeUndefined();
    // A value that is not base64 is not carried (it could not be restored exactly).
    expect(createGeminiToolCallId('not base64!')).toMatch(/^call_[A-Za-z0-9]{24}$/);
  });

  it('gives Gemini 3 the documented skip value when a replayed call lost its signature, and nothing to Gemini 2', () => {
    const messages: ChatMessage[] = [
      { role: 'user', content: 'Weather?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'toolu_01',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
          },
          {
            id: 'toolu_02',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Oslo"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'toolu_01', content: 'sunny' },
      { role: 'tool', tool_call_id: 'toolu_02', content: 'snow' },
    ];
    const modelTurn = (model: string) => convert({ messages }, model).contents;
    expect((modelTurn('gemini-3-flash-preview') as unknown[])[1]).toEqual({
      role: 'model',
      parts: [
        {
          functionCall: { name: 'get_weather', args: { city: 'Paris' } },
          thoughtSignature: 'skip_thought_signature_validator',
        },
        { functionCall: { name: 'get_weather', args: { city: 'Oslo' } } },
      ],
    });
    expect(JSON.stringify(modelTurn('gemini-2.5-flash'))).not.toContain('thoughtSignature');
  });

  it("reads Google's OpenAI-compatible extra_content.google.thought_signature when the id carries none", () => {
    const call = {
      id: 'call_from_elsewhere',
      type: 'function' as const,
      function: { name: 'get_time', arguments: '{}' },
      extra_content: { google: { thought_signature: 'c2lnbmF0dXJl' } },
    };
    const body = convert(
      {
        messages: [
          { role: 'user', content: 'time?' },
          { role: 'assistant', content: null, tool_calls: [call] },
        ],
      },
      'gemini-3-pro-preview',
    );
    expect((body.contents as Array<{ parts: unknown[] }>)[1]!.parts).toEqual([
      { functionCall: { name: 'get_time', args: {} }, thoughtSignature: 'c2lnbmF0dXJl' },
    ]);
  });
});
