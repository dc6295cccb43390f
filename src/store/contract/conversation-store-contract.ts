import { describe, expect } from 'vitest';
import type { ChatMessage } from '../../spec/chat-request.js';
import type { ConversationStore } from '../conversation-store.js';
import type { CreateStoreUnderTest, StoreContractOptions } from './store-contract.js';
import { createManualClock, useStoreContract } from './store-contract.js';

/** Messages of every shape the chat endpoints store: plain, parts, tool calls with null content, tool results. */
const turns: ChatMessage[] = [
  { role: 'user', content: 'What is the weather in Paris? ☀' },
  {
    role: 'assistant',
    content: null,
    tool_calls: [
      { id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
    ],
  },
  { role: 'tool', tool_call_id: 'call_1', content: '{"celsius":21}' },
  { role: 'assistant', content: [{ type: 'text', text: 'It is 21 °C.' }] },
];

/** The `ConversationStore` contract. */
export function runConversationStoreContract(
  name: string,
  create: CreateStoreUnderTest<ConversationStore>,
  options: StoreContractOptions = {},
): void {
  describe(`ConversationStore contract: ${name}`, () => {
    const { open, test } = useStoreContract(create, options);

    test('get returns undefined for an unknown id', async () => {
      const store = await open();
      expect(await store.get('conv-unknown')).toBeUndefined();
    });

    test('append creates the conversation, stamped by the clock', async () => {
      const clock = createManualClock(1_000);
      const store = await open({ clock });
      await store.append('conv-1', turns.slice(0, 2));
      expect(await store.get('conv-1')).toStrictEqual({
        id: 'conv-1',
        messages: turns.slice(0, 2),
        updatedAt: 1_000,
      });
    });

    test('appends add to the end in order and move updatedAt', async () => {
      const clock = createManualClock(1_000);
      const store = await open({ clock });
      await store.append('conv-1', turns.slice(0, 1));
      clock.set(2_000);
      await store.append('conv-1', turns.slice(1, 3));
      clock.set(3_000);
      await store.append('conv-1', turns.slice(3));
      expect(await store.get('conv-1')).toEqual({ id: 'conv-1', messages: turns, updatedAt: 3_000 });
    });

    test('the system prompt is set when given, kept when omitted, replaced when given again', async () => {
      const store = await open();
      await store.append('conv-1', turns.slice(0, 1), 'You are terse.');
      expect((await store.get('conv-1'))?.systemPrompt).toBe('You are terse.');
      await store.append('conv-1', turns.slice(1, 2));
      expect((await store.get('conv-1'))?.systemPrompt).toBe('You are terse.');
      await store.append('conv-1', [], 'You are verbose.');
      const conversation = await store.get('conv-1');
      expect(conversation?.systemPrompt).toBe('You are verbose.');
      expect(conversation?.messages).toEqual(turns.slice(0, 2));
    });

    test('append with no messages still creates the conversation', async () => {
      const store = await open({ clock: createManualClock(5_000) });
      await store.append('conv-1', [], 'Be kind.');
      expect(await store.get('conv-1')).toStrictEqual({
        id: 'conv-1',
        systemPrompt: 'Be kind.',
        messages: [],
        updatedAt: 5_000,
      });
    });

    test('conversations are independent', async () => {
      const store = await open();
      await store.append('conv-1', turns.slice(0, 1));
      await store.append('conv-2', turns.slice(1, 2), 'Other.');
      expect((await store.get('conv-1'))?.messages).toEqual(turns.slice(0, 1));
      expect((await store.get('conv-1'))?.systemPrompt).toBeUndefined();
      expect((await store.get('conv-2'))?.messages).toEqual(turns.slice(1, 2));
    });

    test('delete removes it, says whether it existed, and a later append starts afresh', async () => {
      const store = await open();
      await store.append('conv-1', turns, 'Old prompt.');
      await store.append('conv-2', turns.slice(0, 1));
      expect(await store.delete('conv-1')).toBe(true);
      expect(await store.get('conv-1')).toBeUndefined();
      expect(await store.delete('conv-1')).toBe(false);
      expect(await store.delete('conv-unknown')).toBe(false);
      await store.append('conv-1', turns.slice(3));
      expect(await store.get('conv-1')).toMatchObject({ messages: turns.slice(3) });
      expect((await store.get('conv-1'))?.systemPrompt).toBeUndefined();
      expect((await store.get('conv-2'))?.messages).toEqual(turns.slice(0, 1));
    });

    test('returned conversations and appended messages are copies', async () => {
      const store = await open();
      const messages = structuredClone(turns.slice(0, 1));
      await store.append('conv-1', messages);
      messages.push(turns[1]!);
      (await store.get('conv-1'))!.messages.push(turns[2]!);
      expect((await store.get('conv-1'))?.messages).toEqual(turns.slice(0, 1));
    });

    test('forgets the least recently used conversation beyond its capacity', async () => {
      const store = await open({ capacity: 2 });
      await store.append('conv-1', turns.slice(0, 1));
      await store.append('conv-2', turns.slice(0, 1));
      await store.get('conv-1');
      await store.append('conv-3', turns.slice(0, 1));
      expect(await store.get('conv-2')).toBeUndefined();
      expect(await store.get('conv-1')).toBeDefined();
      expect(await store.get('conv-3')).toBeDefined();
    });
  });
}
