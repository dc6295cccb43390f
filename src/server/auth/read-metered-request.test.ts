import { describe, expect, it } from 'vitest';
import { readMeteredRequest, type MeteringContext } from './read-metered-request.js';
import { readPresentedKey } from './read-presented-key.js';

const context: MeteringContext = { defaultOutputTokens: 1024, isRoutable: (name) => name !== 'claude' };
const read = (route: string, body: unknown, headers = {}) =>
  readMeteredRequest(route, body, headers, context);
const text = 'x'.repeat(400);

describe('readMeteredRequest', () => {
  it('reads OpenAI chat: model, fallbacks (body and header), input estimate, output limit × n', () => {
    const metered = read(
      'POST /v1/chat/completions',
      {
        model: 'smart',
        messages: [{ role: 'user', content: text }],
        max_completion_tokens: 50,
        n: 2,
        fallbacks: ['cheap'],
      },
      { 'x-arbiter-fallbacks': 'groq, openai/gpt-4o-mini' },
    );
    expect(metered).toEqual({
      items: [
        {
          route: 'smart',
          fallbacks: ['cheap', 'groq', 'openai/gpt-4o-mini'],
          inputTokens: 101,
          outputTokens: 100,
        },
      ],
      settlements: 1,
    });
  });

  it('reserves the default output when the body sets none, and counts images by a fixed price', () => {
    const image = { type: 'image_url', image_url: { url: `data:image/png;base64,${'A'.repeat(100_000)}` } };
    const metered = read('POST /v1/chat/completions', {
      model: 'auto',
      messages: [{ role: 'user', content: [{ type: 'text', text }, image] }],
    });
    expect(metered.items[0]).toMatchObject({ inputTokens: 105 + 765, outputTokens: 1024 });
  });

  it('reads Anthropic messages, Responses and embeddings in their own fields', () => {
    expect(
      read('POST /v1/messages', { model: 'a', system: text, messages: [], max_tokens: 7 }).items[0],
    ).toMatchObject({
      route: 'a',
      inputTokens: 100,
      outputTokens: 7,
    });
    expect(
      read('POST /v1/responses', { model: 'r', input: text, max_output_tokens: 9 }).items[0],
    ).toMatchObject({
      inputTokens: 100,
      outputTokens: 9,
    });
    expect(read('POST /v1/embeddings', { model: 'e', input: [text, text] }).items[0]).toMatchObject({
      inputTokens: 200,
      outputTokens: 0,
    });
    expect(read('POST /v1/messages/count_tokens', { model: 'a', messages: [] })).toEqual({
      items: [{ route: 'a', fallbacks: [], inputTokens: 0, outputTokens: 0 }],
      settlements: 0,
    });
  });

  it('reads the chat service: the route it resolves to, and a batch as one request per item', () => {
    expect(
      read('POST /chat', { message: text, model_provider: 'claude', model: 'x' }).items[0],
    ).toMatchObject({
      route: 'anthropic/x',
      inputTokens: 100,
    });
    const batch = read('POST /chat/batch', {
      requests: [{ message: 'hi', max_tokens: 5 }, { message: 'yo' }, 3],
    });
    expect(batch.settlements).toBe(3);
    expect(batch.items.map((item) => [item.route, item.outputTokens])).toEqual([
      ['auto', 5],
      ['auto', 1024],
      [undefined, 0],
    ]);
    const refused = read('POST /chat/batch', {
      requests: Array.from({ length: 101 }, () => ({ message: 'hi' })),
    });
    expect(refused).toEqual({ items: [{ fallbacks: [], inputTokens: 0, outputTokens: 0 }], settlements: 0 });
  });

  it('meters a POST route nobody listed from its whole body', () => {
    expect(read('POST /v1/some-future-endpoint', { model: 'race', prompt: text })).toEqual({
      items: [{ route: 'race', fallbacks: [], inputTokens: 101, outputTokens: 1024 }],
      settlements: 1,
    });
  });
});

describe('readPresentedKey', () => {
  it('takes X-API-Key first, then a Bearer token', () => {
    expect(readPresentedKey({ 'x-api-key': ' k1 ', authorization: 'Bearer k2' })).toBe('k1');
    expect(readPresentedKey({ authorization: 'bearer   k2 ' })).toBe('k2');
    expect(readPresentedKey({ authorization: 'Basic dXNlcjpwYXNz' })).toBeUndefined();
    expect(readPresentedKey({})).toBeUndefined();
  });
});

describe('readMeteredRequest for competitions', () => {
  it('checks and reserves for every contender named, on the APIs and on /compete', () => {
    expect(
      read('POST /v1/chat/completions', {
        model: 'compete',
        messages: [],
        max_tokens: 10,
        contenders: ['a', 'b', 'c'],
      }),
    ).toEqual({
      items: [{ route: 'a', fallbacks: ['b', 'c'], inputTokens: 0, outputTokens: 30 }],
      settlements: 1,
    });
    expect(
      read('POST /compete', { prompt: text, providers: ['groq', 'openai'], max_tokens: 5 }).items[0],
    ).toEqual({
      route: 'groq',
      fallbacks: ['openai'],
      inputTokens: 200,
      outputTokens: 10,
    });
    expect(read('POST /compete', { prompt: text }).items[0]).toMatchObject({
      route: 'compete',
      outputTokens: 1024,
    });
  });
});
