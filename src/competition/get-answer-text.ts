import type { ChatResponse } from '../spec/chat-response.js';

/**
 * The text an evaluator compares: the first choice's content, and its tool calls as
 * `name(arguments)` lines, so answers that call tools can be compared too.
 */
export function getAnswerText(response: ChatResponse): string {
  const message = response.choices[0]?.message;
  if (!message) return '';
  const calls = (message.tool_calls ?? []).map((call) => `${call.function.name}(${call.function.arguments})`);
  return [message.content ?? '', ...calls].filter(Boolean).join('\n');
}
