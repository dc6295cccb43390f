import { describe, expect, it } from 'vitest';
import type { ChatRequest } from '../../spec/chat-request.js';
import { ProviderError } from '../../spec/provider-error.js';
import { getSearchQuery } from './get-search-query.js';

const query = (messages: ChatRequest['messages']) =>
  getSearchQuery({ model: 'search/brave', messages }, 'search', 'brave');

describe('getSearchQuery', () => {
  it('takes the text of the last user message, text parts joined and whitespace collapsed', () => {
    expect(
      query([
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'first question' },
        { role: 'assistant', content: 'an answer' },
        {
          role: 'user',
          content: [
            { type: 'text', text: '  circumference\nof ' },
            { type: 'image_url', image_url: { url: 'https://example.com/earth.png' } },
            { type: 'text', text: 'earth' },
          ],
        },
      ]),
    ).toBe('circumference of earth');
  });

  it('cuts long text to 50 words and 400 characters, at a word boundary', () => {
    const words = Array.from({ length: 80 }, (_, index) => `word${index}`).join(' ');
    expect(query([{ role: 'user', content: words }]).split(' ')).toHaveLength(50);
    const long = query([{ role: 'user', content: 'abcdefghij '.repeat(45) }]);
    expect(long.length).toBeLessThanOrEqual(400);
    expect(long.endsWith('abcdefghij')).toBe(true);
  });

  it('rejects a request without user text as the caller’s mistake', () => {
    const rejected = (messages: ChatRequest['messages']) => {
      try {
        query(messages);
      } catch (error) {
        return error;
      }
      throw new Error('expected a ProviderError');
    };
    for (const messages of [
      [{ role: 'system', content: 'Be brief.' }],
      [{ role: 'user', content: '   ' }],
      [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/a.png' } }] }],
    ] as ChatRequest['messages'][]) {
      const error = rejected(messages);
      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({ kind: 'bad-request', retryable: false, param: 'messages' });
    }
  });
});
