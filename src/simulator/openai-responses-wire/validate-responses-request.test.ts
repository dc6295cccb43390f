import { describe, expect, it } from 'vitest';
import { validateResponsesRequest } from './validate-responses-request.js';

const tool = { type: 'function', name: 'lookup', parameters: { type: 'object', properties: {} } };

/** The `[param, code, message]` OpenAI would answer the body with, or undefined when it is accepted. */
function rejectionOf(
  body: unknown,
): [string | null | undefined, string | null | undefined, string] | undefined {
  const result = validateResponsesRequest(body);
  if (result.rejection === undefined) return undefined;
  const { error, status } = result.rejection;
  expect(status).toBe(400);
  return [error.param, error.code, error.message];
}

describe('validateResponsesRequest', () => {
  it.each([
    [{ input: 'hi' }, 'model', 'missing_required_parameter', "Missing required parameter: 'model'."],
    [
      { model: 7 },
      'model',
      'invalid_type',
      "Invalid type for 'model': expected a string, but got an integer instead.",
    ],
    [{ model: 'm', input: { role: 'user' } }, 'input', 'invalid_type', expect.stringContaining("'input'")],
    [
      { model: 'm', input: [{ role: 'tool', content: 'x' }] },
      'input[0].role',
      'invalid_value',
      "Invalid value: 'tool'. Supported values are: 'assistant', 'system', 'developer', and 'user'.",
    ],
    [
      { model: 'm', input: [{ role: 'user', content: [{ type: 'text', text: 'x' }] }] },
      'input[0].content[0].type',
      'invalid_value',
      expect.stringContaining("Invalid value: 'text'. Supported values are: 'input_text', 'input_image'"),
    ],
    [
      { model: 'm', input: [{ role: 'user' }] },
      'input[0].content',
      'missing_required_parameter',
      expect.any(String),
    ],
    [
      { model: 'm', input: [{ type: 'function_call_output', output: '1' }] },
      'input[0].call_id',
      'missing_required_parameter',
      expect.any(String),
    ],
    // Chat Completions' tool shape: OpenAI reports the missing top-level name.
    [
      { model: 'm', tools: [{ type: 'function', function: { name: 'lookup' } }] },
      'tools[0].name',
      'missing_required_parameter',
      "Missing required parameter: 'tools[0].name'.",
    ],
    [
      { model: 'm', tools: [tool], tool_choice: 'always' },
      'tool_choice',
      'invalid_value',
      expect.any(String),
    ],
    [{ model: 'm', tool_choice: 'required' }, 'tool_choice', null, expect.stringContaining('only allowed')],
    [
      { model: 'm', tools: [tool], tool_choice: { type: 'function', name: 'other' } },
      'tool_choice',
      null,
      "Invalid value for 'tool_choice': function 'other' not found in 'tools'.",
    ],
    [
      { model: 'm', text: { format: { type: 'json_schema', json_schema: { name: 'x', schema: {} } } } },
      'text.format.name',
      'missing_required_parameter',
      "Missing required parameter: 'text.format.name'.",
    ],
    [
      { model: 'm', text: { format: { type: 'json_schema', name: 'x' } } },
      'text.format.schema',
      'missing_required_parameter',
      expect.any(String),
    ],
    [
      { model: 'm', text: { format: { type: 'xml' } } },
      'text.format.type',
      'invalid_value',
      expect.any(String),
    ],
    [
      { model: 'm', max_output_tokens: 8 },
      'max_output_tokens',
      'integer_below_min_value',
      "Invalid 'max_output_tokens': integer below minimum value. Expected a value >= 16, but got 8 instead.",
    ],
    [
      { model: 'm', temperature: 2.5 },
      'temperature',
      'decimal_above_max_value',
      "Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got 2.5 instead.",
    ],
    [{ model: 'm', top_p: 'high' }, 'top_p', 'invalid_type', expect.any(String)],
    [{ model: 'm', stream: 'yes' }, 'stream', 'invalid_type', expect.any(String)],
    [{ model: 'm', metadata: { run: 7 } }, 'metadata.run', 'invalid_type', expect.any(String)],
  ])('rejects %j', (body, param, code, message) => {
    expect(rejectionOf(body)).toEqual([param, code, message]);
  });

  it('fills the defaults a Response echoes and normalises input to items', () => {
    const result = validateResponsesRequest({ model: 'gpt-4o', input: 'Hello' });
    expect(result.request).toEqual({
      model: 'gpt-4o',
      input: [{ type: 'message', role: 'user', content: 'Hello' }],
      instructions: null,
      tools: [],
      tool_choice: 'auto',
      text: { format: { type: 'text' } },
      max_output_tokens: null,
      temperature: 1,
      top_p: 1,
      parallel_tool_calls: true,
      metadata: {},
      store: true,
      previous_response_id: null,
      stream: false,
    });
  });

  it('accepts built-in tools, item types it does not simulate and unknown fields, as OpenAI does', () => {
    const result = validateResponsesRequest({
      model: 'gpt-4o',
      input: [
        { type: 'reasoning', id: 'rs_1', summary: [] },
        { type: 'item_reference', id: 'msg_1' },
        {
          role: 'user',
          content: [{ type: 'input_image', image_url: 'https://example.com/a.png', detail: 'low' }],
        },
      ],
      tools: [{ type: 'web_search' }, { type: 'file_search', vector_store_ids: ['vs_1'] }],
      tool_choice: { type: 'web_search_preview' },
      reasoning: { effort: 'low' },
      truncation: 'auto',
    });
    expect(result.rejection).toBeUndefined();
    expect(result.request?.input).toHaveLength(1);
    expect(result.request?.tools).toHaveLength(2);
  });
});
