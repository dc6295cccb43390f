import type { AssistantMessage, ChatMessage } from '../../spec/chat-request.js';

type Item = Record<string, unknown>;

/**
 * A response's output items as the assistant's turn, for continuing the conversation on any provider.
 * Returns undefined when the output holds items only OpenAI can continue (built-in tool calls).
 */
export function convertOutputToConversation(output: unknown): ChatMessage[] | undefined {
  if (!Array.isArray(output)) return [];
  const assistant: AssistantMessage = { role: 'assistant', content: '' };
  for (const item of output as Item[]) {
    if (item.type === 'message') {
      const parts = Array.isArray(item.content) ? (item.content as Item[]) : [];
      assistant.content =
        String(assistant.content ?? '') +
        parts.map((part) => (typeof part.text === 'string' ? part.text : '')).join('');
    } else if (item.type === 'function_call') {
      assistant.tool_calls = [
        ...(assistant.tool_calls ?? []),
        {
          id: String(item.call_id),
          type: 'function',
          function: { name: String(item.name), arguments: String(item.arguments ?? '') },
        },
      ];
    } else if (item.type !== 'reasoning') {
      return undefined;
    }
  }
  if (assistant.tool_calls?.length && assistant.content === '') assistant.content = null;
  return assistant.content === '' && !assistant.tool_calls ? [] : [assistant];
}
