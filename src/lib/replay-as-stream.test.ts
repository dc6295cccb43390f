import { describe, expect, it } from 'vitest';
import { collect } from '../../test/support/collect.js';
import type { ChatResponse } from '../spec/chat-response.js';
import { createChatStreamAccumulator } from './create-chat-stream-accumulator.js';
import { replayAsStream } from './replay-as-stream.js';

const response: ChatResponse = {
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1_700_000_000,
  model: 'gpt-4o-mini',
  choices: [
    {
      index: 0,
      message: {
        role: 'assistant',
        content: 'The quick brown fox jumps over the lazy dog, and then it runs far away into the woods.',
        reasoning_content: 'Think first.',
      },
      finish_reason: 'stop',
    },
    {
      index: 1,
      message: {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
        ],
      },
      finish_reason: 'tool_calls',
    },
  ],
  usage: { prompt_tokens: 5, completion_tokens: 20, total_tokens: 25 },
};

describe('replayAsStream', () => {
  it('replays an answer as parts that accumulate back to the same answer', async () => {
    const accumulator = createChatStreamAccumulator('unused');
    for (const part of await collect(replayAsStream(response))) accumulator.add(part);
    expect(accumulator.isFinished).toBe(true);
    expect(accumulator.result()).toEqual(response);
  });

  it('splits long text into several deltas at spaces, and keeps the order of a short answer', async () => {
    const deltas = (await collect(replayAsStream(response))).filter((part) => part.type === 'text-delta');
    expect(deltas.length).toBeGreaterThan(1);
    for (const delta of deltas.slice(0, -1)) expect(delta.text.endsWith(' ')).toBe(true);
    const short: ChatResponse = { ...response, choices: [response.choices[0]!] };
    short.choices[0] = {
      ...short.choices[0]!,
      message: { role: 'assistant', content: 'Hi', reasoning_content: 'x' },
    };
    expect((await collect(replayAsStream(short))).map((part) => part.type)).toEqual([
      'response-metadata',
      'reasoning-delta',
      'text-delta',
      'finish',
      'usage',
    ]);
  });
});
