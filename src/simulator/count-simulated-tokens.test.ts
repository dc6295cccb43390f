import { describe, expect, it } from 'vitest';
import type { ChatRequest } from '../spec/index.js';
import {
  countPromptTokens,
  countSimulatedTokens,
  splitIntoSimulatedTokens,
  tokensPerImage,
  tokensPerMessage,
  tokensPerReply,
} from './count-simulated-tokens.js';

describe('the simulated tokenizer', () => {
  it('splits words with their leading space and single punctuation marks', () => {
    expect(splitIntoSimulatedTokens('Hello, world! {"city":"Paris"}')).toEqual([
      'Hello',
      ',',
      ' world',
      '!',
      ' {',
      '"',
      'city',
      '"',
      ':',
      '"',
      'Paris',
      '"',
      '}',
    ]);
    expect(splitIntoSimulatedTokens('line one\n\nline two  ')).toEqual([
      'line',
      ' one',
      '\n\nline',
      ' two',
      '  ',
    ]);
  });

  it('always concatenates back to the text, and counts what it splits', () => {
    for (const text of [
      '',
      ' ',
      'naïve café — 3.5 °C',
      'tab\tseparated\r\nlines',
      '{"a":[1,2,{"b":null}]}',
    ]) {
      const tokens = splitIntoSimulatedTokens(text);
      expect(tokens.join('')).toBe(text);
      expect(countSimulatedTokens(text)).toBe(tokens.length);
    }
  });

  it('counts prompt tokens per message, plus tools, images and the reply primer', () => {
    const request: ChatRequest = {
      model: 'sim-fast',
      messages: [
        { role: 'system', content: 'Be brief.' },
        {
          role: 'user',
          name: 'ada',
          content: [
            { type: 'text', text: 'What is this?' },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } },
          ],
        },
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'look', arguments: '{}' } }],
        },
        { role: 'tool', tool_call_id: 'call_1', content: 'a cat' },
      ],
      tools: [{ type: 'function', function: { name: 'look' } }],
    };
    const expected =
      tokensPerReply +
      tokensPerMessage +
      3 + // Be brief.
      tokensPerMessage +
      1 +
      4 +
      tokensPerImage + // ada, What is this?, image
      tokensPerMessage +
      1 +
      2 + // look, {}
      tokensPerMessage +
      2 + // a cat
      countSimulatedTokens(JSON.stringify(request.tools));
    expect(countPromptTokens(request)).toBe(expected);
  });
});
