import { describe, expect, it } from 'vitest';
import { convertResponsesToChatRequest } from './convert-responses-to-chat-request.js';
import { validateResponsesRequest } from './validate-responses-request.js';

function convert(body: Record<string, unknown>) {
  const { request } = validateResponsesRequest(body);
  if (request === undefined) throw new Error('invalid test body');
  return convertResponsesToChatRequest(request, request.input);
}

describe('convertResponsesToChatRequest', () => {
  it('maps instructions, messages, parallel function calls and their outputs', () => {
    expect(
      convert({
        model: 'gpt-4o',
        instructions: 'Be brief.',
        input: [
          {
            role: 'user',
            content: [
              { type: 'input_text', text: 'Weather?' },
              { type: 'input_image', image_url: 'https://x/y.png', detail: 'auto' },
            ],
          },
          {
            type: 'message',
            role: 'assistant',
            content: [{ type: 'output_text', text: 'Checking.', annotations: [] }],
          },
          { type: 'function_call', call_id: 'call_1', name: 'weather', arguments: '{"city":"Oslo"}' },
          { type: 'function_call', call_id: 'call_2', name: 'time', arguments: '{}' },
          { type: 'function_call_output', call_id: 'call_1', output: 'rain' },
          {
            type: 'function_call_output',
            call_id: 'call_2',
            output: [{ type: 'input_text', text: '14:00' }],
          },
        ],
        tools: [
          {
            type: 'function',
            name: 'weather',
            description: 'Weather',
            parameters: { type: 'object' },
            strict: true,
          },
          { type: 'function', name: 'time' },
          { type: 'web_search' },
        ],
        tool_choice: { type: 'allowed_tools', mode: 'required', tools: [{ type: 'function', name: 'time' }] },
        text: { format: { type: 'json_schema', name: 'answer', schema: { type: 'object' }, strict: true } },
        max_output_tokens: 64,
        temperature: 0.2,
      }),
    ).toMatchInlineSnapshot(`
      {
        "max_completion_tokens": 64,
        "messages": [
          {
            "content": "Be brief.",
            "role": "developer",
          },
          {
            "content": [
              {
                "text": "Weather?",
                "type": "text",
              },
              {
                "image_url": {
                  "url": "https://x/y.png",
                },
                "type": "image_url",
              },
            ],
            "role": "user",
          },
          {
            "content": "Checking.",
            "role": "assistant",
            "tool_calls": [
              {
                "function": {
                  "arguments": "{"city":"Oslo"}",
                  "name": "weather",
                },
                "id": "call_1",
                "type": "function",
              },
              {
                "function": {
                  "arguments": "{}",
                  "name": "time",
                },
                "id": "call_2",
                "type": "function",
              },
            ],
          },
          {
            "content": "rain",
            "role": "tool",
            "tool_call_id": "call_1",
          },
          {
            "content": "14:00",
            "role": "tool",
            "tool_call_id": "call_2",
          },
        ],
        "model": "gpt-4o",
        "parallel_tool_calls": true,
        "response_format": {
          "json_schema": {
            "name": "answer",
            "schema": {
              "type": "object",
            },
            "strict": true,
          },
          "type": "json_schema",
        },
        "temperature": 0.2,
        "tool_choice": {
          "allowed_tools": {
            "mode": "required",
            "tools": [
              {
                "function": {
                  "name": "time",
                },
                "type": "function",
              },
            ],
          },
          "type": "allowed_tools",
        },
        "tools": [
          {
            "function": {
              "description": "Weather",
              "name": "weather",
              "parameters": {
                "type": "object",
              },
            },
            "type": "function",
          },
          {
            "function": {
              "name": "time",
            },
            "type": "function",
          },
        ],
        "top_p": 1,
      }
    `);
  });

  it('a forced built-in tool leaves the simulated model nothing to call', () => {
    expect(convert({ model: 'm', input: 'x', tool_choice: { type: 'web_search_preview' } }).tool_choice).toBe(
      'none',
    );
  });
});
