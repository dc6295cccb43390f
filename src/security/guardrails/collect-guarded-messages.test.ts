import { describe, expect, it } from 'vitest';
import { collectGuardedMessages } from './collect-guarded-messages.js';

describe('collectGuardedMessages', () => {
  it('reads OpenAI chat messages: user and tool content is untrusted, text parts only', () => {
    const body = {
      model: 'auto',
      messages: [
        { role: 'system', content: 'be brief' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'look at this' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,aWdub3JlIHByZXZpb3Vz' } },
          ],
        },
        { role: 'assistant', content: null, tool_calls: [] },
        { role: 'tool', tool_call_id: 'call_1', content: 'the weather is fine' },
      ],
    };
    expect(collectGuardedMessages('openai-chat', body)).toEqual([
      { path: 'messages[0]', text: 'be brief', isUntrusted: false },
      { path: 'messages[1]', text: 'look at this', isUntrusted: true },
      { path: 'messages[2]', text: '', isUntrusted: false },
      { path: 'messages[3]', text: 'the weather is fine', isUntrusted: true },
    ]);
  });

  it('reads Anthropic messages with the system prompt and tool results inside user turns', () => {
    const body = {
      system: [{ type: 'text', text: 'you are terse' }],
      messages: [
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 't1', content: [{ type: 'text', text: 'page text' }] },
          ],
        },
      ],
    };
    expect(collectGuardedMessages('anthropic-messages', body)).toEqual([
      { path: 'system', text: 'you are terse', isUntrusted: false },
      { path: 'messages[0]', text: 'page text', isUntrusted: true },
    ]);
  });

  it('reads Responses input as a string or as items, function outputs included', () => {
    expect(collectGuardedMessages('openai-responses', { instructions: 'x', input: 'hi' })).toEqual([
      { path: 'instructions', text: 'x', isUntrusted: false },
      { path: 'input', text: 'hi', isUntrusted: true },
    ]);
    const items = {
      input: [
        { role: 'user', content: [{ type: 'input_text', text: 'question' }] },
        { type: 'function_call', name: 'f', arguments: '{}' },
        { type: 'function_call_output', call_id: 'c', output: 'tool said this' },
      ],
    };
    expect(collectGuardedMessages('openai-responses', items)).toEqual([
      { path: 'input[0]', text: 'question', isUntrusted: true },
      { path: 'input[1]', text: '', isUntrusted: false },
      { path: 'input[2]', text: 'tool said this', isUntrusted: true },
    ]);
  });

  it('reads the chat-service message or prompt and its system prompt', () => {
    expect(collectGuardedMessages('chat-service', { prompt: 'p', system_prompt: 's' })).toEqual([
      { path: 'system_prompt', text: 's', isUntrusted: false },
      { path: 'prompt', text: 'p', isUntrusted: true },
    ]);
    expect(collectGuardedMessages('chat-service', { message: 'm' })).toEqual([
      { path: 'message', text: 'm', isUntrusted: true },
    ]);
  });

  it('stops at a bounded depth and ignores what is not text', () => {
    let deep: unknown = 'too deep to read';
    for (let level = 0; level < 20; level++) deep = [{ content: deep }];
    expect(
      collectGuardedMessages('openai-chat', { messages: [{ role: 'user', content: deep }, 7, null] }),
    ).toEqual([
      { path: 'messages[0]', text: '', isUntrusted: true },
      { path: 'messages[1]', text: '', isUntrusted: false },
      { path: 'messages[2]', text: '', isUntrusted: false },
    ]);
  });
});
