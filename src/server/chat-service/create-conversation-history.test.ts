import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../spec/chat-request.js';
import type { Conversation, ConversationStore } from '../../store/conversation-store.js';
import { createConversationHistory } from './create-conversation-history.js';

/** A store whose appends take a while and can be told to fail, as a busy disk would. */
function createSlowStore() {
  const conversations = new Map<string, Conversation>();
  let shouldFail = false;
  const store: ConversationStore & { fail(): void } = {
    fail: () => (shouldFail = true),
    async get(id) {
      return conversations.get(id);
    },
    async append(id, messages, systemPrompt) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (shouldFail) throw new Error('disk full');
      const conversation = conversations.get(id) ?? { id, messages: [], updatedAt: 0 };
      conversation.messages.push(...messages);
      if (systemPrompt !== undefined) conversation.systemPrompt = systemPrompt;
      conversations.set(id, conversation);
    },
    async delete(id) {
      return conversations.delete(id);
    },
  };
  return store;
}

const turn = (text: string): ChatMessage[] => [
  { role: 'user', content: text },
  { role: 'assistant', content: `re: ${text}` },
];

describe('createConversationHistory', () => {
  it('returns at once on append, yet a read right after sees the turn, in order', async () => {
    const history = createConversationHistory(createSlowStore(), () => undefined);
    history.append('c1', turn('one'), 'Be brief.');
    history.append('c1', turn('two'));
    const conversation = await history.get('c1');
    expect(conversation?.systemPrompt).toBe('Be brief.');
    expect(conversation?.messages.map((message) => message.content)).toEqual([
      'one',
      're: one',
      'two',
      're: two',
    ]);
  });

  it('deletes after pending appends, and flush waits for every conversation', async () => {
    const store = createSlowStore();
    const history = createConversationHistory(store, () => undefined);
    history.append('c1', turn('one'));
    expect(await history.delete('c1')).toBe(true);
    expect(await history.get('c1')).toBeUndefined();
    history.append('c2', turn('two'));
    history.append('c3', turn('three'));
    await history.flush();
    expect((await store.get('c2'))?.messages).toHaveLength(2);
    expect((await store.get('c3'))?.messages).toHaveLength(2);
  });

  it('reports a failed append instead of throwing, and keeps serving', async () => {
    const store = createSlowStore();
    const failures: string[] = [];
    const history = createConversationHistory(store, (error, id) => failures.push(`${id}: ${String(error)}`));
    store.fail();
    history.append('c1', turn('one'));
    await history.flush();
    expect(failures).toEqual(['c1: Error: disk full']);
    expect(await history.get('c1')).toBeUndefined();
  });
});
