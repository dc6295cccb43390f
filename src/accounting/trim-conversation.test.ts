import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../spec/chat-request.js';
import { loadMessageCounter } from './count-chat-tokens.js';
import { defaultReplyBudget, trimConversation } from './trim-conversation.js';

/** Ten turns of about 100 tokens each (`turn N:` then 99 repetitions of ` word`). */
const history: ChatMessage[] = Array.from({ length: 10 }, (_, index) => ({
  role: index % 2 === 0 ? 'user' : 'assistant',
  content: `turn ${index}:${' word'.repeat(99)}`,
}));
const next: ChatMessage[] = [{ role: 'user', content: 'And now?' }];

describe('trimConversation', () => {
  it('keeps everything, without loading the tokenizer, when the bytes alone fit', async () => {
    const result = await trimConversation({
      systemPrompt: 'Be brief.',
      history,
      next,
      contextWindow: 128_000,
    });
    expect(result.droppedCount).toBe(0);
    expect(result.messages).toHaveLength(12);
    expect(result.messages[0]).toEqual({ role: 'system', content: 'Be brief.' });
    expect(result.messages.at(-1)).toEqual(next[0]);
  });

  it('drops the oldest turns first, keeps the system prompt and the new message, and fits the budget', async () => {
    const count = await loadMessageCounter();
    const contextWindow = 1_000;
    const replyBudget = 200;
    const result = await trimConversation({
      systemPrompt: 'Be brief.',
      history,
      next,
      contextWindow,
      replyBudget,
    });
    const used = result.messages.reduce((sum, message) => sum + count(message), 3);
    expect(used).toBeLessThanOrEqual(contextWindow - replyBudget);
    expect(result.droppedCount).toBeGreaterThan(0);
    expect(result.messages[0]).toEqual({ role: 'system', content: 'Be brief.' });
    expect(result.messages.at(-1)).toEqual(next[0]);
    const kept = result.messages.slice(1, -1);
    expect(kept).toEqual(history.slice(result.droppedCount));
    // The kept history is the newest that fits, and starts at a user turn.
    expect(kept[0]!.role).toBe('user');
    expect(result.droppedCount).toBe(4);
  });

  it('never starts the kept history with an orphaned tool result or an assistant turn', async () => {
    const withTools: ChatMessage[] = [
      { role: 'user', content: `first${' word'.repeat(300)}` },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }],
      },
      { role: 'tool', tool_call_id: 'call_1', content: `result${' word'.repeat(50)}` },
      { role: 'assistant', content: 'done' },
      { role: 'user', content: 'second' },
      { role: 'assistant', content: 'ok' },
    ];
    const result = await trimConversation({ history: withTools, next, contextWindow: 400, replyBudget: 100 });
    expect(result.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user']);
    expect(result.droppedCount).toBe(4);
  });

  it('keeps the system prompt and new message even when they alone are too long', async () => {
    const result = await trimConversation({
      systemPrompt: 'rule '.repeat(500),
      history,
      next,
      contextWindow: 300,
      replyBudget: 50,
    });
    expect(result.messages.map((message) => message.role)).toEqual(['system', 'user']);
    expect(result.droppedCount).toBe(10);
  });

  it('reserves a quarter of small windows, and 4096 tokens of large ones, for the answer', () => {
    expect(defaultReplyBudget(8_000)).toBe(2_000);
    expect(defaultReplyBudget(128_000)).toBe(4_096);
  });
});
