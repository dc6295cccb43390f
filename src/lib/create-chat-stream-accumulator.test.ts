import { describe, expect, it } from 'vitest';
import type { ChatStreamPart } from '../spec/chat-stream-part.js';
import { ProviderError } from '../spec/provider-error.js';
import { createChatStreamAccumulator } from './create-chat-stream-accumulator.js';

const accumulate = (parts: readonly ChatStreamPart[]) => {
  const accumulator = createChatStreamAccumulator('fallback');
  for (const part of parts) accumulator.add(part);
  return accumulator;
};

describe('createChatStreamAccumulator', () => {
  it('assembles text, reasoning, tool calls, finish reason and usage', () => {
    const accumulator = accumulate([
      { type: 'response-metadata', id: 'chatcmpl-1', model: 'm-1', created: 7 },
      { type: 'reasoning-delta', choiceIndex: 0, text: 'Think' },
      { type: 'text-delta', choiceIndex: 0, text: 'Hel' },
      { type: 'text-delta', choiceIndex: 0, text: 'lo' },
      {
        type: 'tool-call-delta',
        choiceIndex: 0,
        toolCallIndex: 0,
        id: 'call_1',
        name: 'f',
        argumentsDelta: '{"a"',
      },
      { type: 'tool-call-delta', choiceIndex: 0, toolCallIndex: 0, argumentsDelta: ':1}' },
      { type: 'finish', choiceIndex: 0, finishReason: 'tool_calls' },
      { type: 'usage', usage: { prompt_tokens: 4, completion_tokens: 3, total_tokens: 7 } },
    ]);
    expect(accumulator.isFinished).toBe(true);
    expect(accumulator.result()).toEqual({
      id: 'chatcmpl-1',
      object: 'chat.completion',
      created: 7,
      model: 'm-1',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: 'Hello',
            reasoning_content: 'Think',
            tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } }],
          },
          finish_reason: 'tool_calls',
        },
      ],
      usage: { prompt_tokens: 4, completion_tokens: 3, total_tokens: 7 },
    });
  });

  it('is not finished while a choice has no finish reason, or after an error part', () => {
    expect(accumulate([{ type: 'text-delta', choiceIndex: 0, text: 'x' }]).isFinished).toBe(false);
    const error = new ProviderError({ kind: 'server', provider: 'p', message: 'cut off' });
    const broken = accumulate([
      { type: 'text-delta', choiceIndex: 0, text: 'x' },
      { type: 'finish', choiceIndex: 0, finishReason: 'stop' },
      { type: 'error', error },
    ]);
    expect(broken.isFinished).toBe(false);
    expect(broken.error).toBe(error);
    expect(accumulate([]).result().model).toBe('fallback');
  });
});
