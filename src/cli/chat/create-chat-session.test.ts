import { describe, expect, it } from 'vitest';
import { createChatSession } from './create-chat-session.js';

describe('createChatSession', () => {
  it('sends the whole conversation, system message first, to the starting route', () => {
    const session = createChatSession({ model: 'auto', system: 'Be brief.' });
    session.addTurn('Hi', 'Hello!');
    expect(session.requestFor('And you?', true)).toEqual({
      model: 'auto',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello!' },
        { role: 'user', content: 'And you?' },
      ],
    });
    expect(session.turnCount).toBe(1);
  });

  it('after a switch, talks to the provider and falls back on auto only when the gateway does', () => {
    const session = createChatSession({ model: 'auto' });
    session.switchTo('groq');
    expect(session.requestFor('x', true)).toMatchObject({ model: 'groq', fallbacks: ['auto'] });
    expect(session.requestFor('x', false)).not.toHaveProperty('fallbacks');
    expect(session.switchedProvider).toBe('groq');
    session.switchTo('auto');
    expect(session.requestFor('x', true)).toEqual({
      model: 'auto',
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(session.switchedProvider).toBeUndefined();
  });

  it('clears the turns but keeps the system message and the provider', () => {
    const session = createChatSession({ model: 'groq/llama', system: 'S' });
    session.addTurn('a', 'b');
    session.clear();
    expect(session.requestFor('c', true).messages).toEqual([
      { role: 'system', content: 'S' },
      { role: 'user', content: 'c' },
    ]);
    expect(session.model).toBe('groq/llama');
  });
});
