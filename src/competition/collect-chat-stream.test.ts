import { describe, expect, it } from 'vitest';
import { collect } from '../../test/support/collect.js';
import type { ChatStreamPart } from '../spec/chat-stream-part.js';
import { ProviderError } from '../spec/provider-error.js';
import { collectChatStream } from './collect-chat-stream.js';
import { replayChatResponse } from './replay-chat-response.js';

async function* partsOf(parts: ChatStreamPart[]): AsyncGenerator<ChatStreamPart> {
  yield* parts;
}

describe('collecting and replaying a streamed answer', () => {
  it('assembles text, reasoning, tool calls, finish reason and usage, and replays them', async () => {
    const parts: ChatStreamPart[] = [
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
    ];
    const response = await collectChatStream(partsOf(parts), 'fallback');
    expect(response).toEqual({
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
    expect(await collectChatStream(replayChatResponse(response), 'fallback')).toEqual(response);
    expect((await collect(replayChatResponse(response))).map((part) => part.type)).toEqual([
      'response-metadata',
      'reasoning-delta',
      'text-delta',
      'tool-call-delta',
      'finish',
      'usage',
    ]);
  });

  it('throws the error part that ends a stream', async () => {
    const error = new ProviderError({ kind: 'server', provider: 'p', message: 'cut off' });
    await expect(
      collectChatStream(
        partsOf([
          { type: 'text-delta', choiceIndex: 0, text: 'x' },
          { type: 'error', error },
        ]),
        'm',
      ),
    ).rejects.toBe(error);
  });
});
