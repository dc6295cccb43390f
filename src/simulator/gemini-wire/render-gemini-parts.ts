import type { FinishReason } from '../../spec/index.js';
import type { SimulatedChoice, SimulatedToolCall } from '../simulated-answer.js';
import { createSimulatedThoughtSignature, type GeminiResponseMeta } from './gemini-response-meta.js';

/**
 * The `functionCall` part of a choice's `callIndex`-th call: arguments as an object (Gemini sends them
 * whole, never as JSON text), the first call signed. Undefined for a call whose arguments a token limit
 * cut short: Gemini has no way to send half an object, it stops with MAX_TOKENS instead.
 */
export function renderGeminiFunctionCall(
  choice: SimulatedChoice,
  callIndex: number,
  meta: GeminiResponseMeta,
): Record<string, unknown> | undefined {
  const call = choice.toolCalls[callIndex]!;
  const args = parseArguments(call);
  if (args === undefined) return undefined;
  const part: Record<string, unknown> = { functionCall: { name: call.name, args } };
  if (callIndex === 0) part.thoughtSignature = createSimulatedThoughtSignature(meta, choice.index);
  return part;
}

/** The planner's OpenAI finish reason in Gemini's words: tool calls end with STOP (PROVIDERS.md §0). */
export function mapToGeminiFinishReason(reason: FinishReason): string {
  if (reason === 'length') return 'MAX_TOKENS';
  if (reason === 'content_filter') return 'SAFETY';
  return 'STOP';
}

function parseArguments(call: SimulatedToolCall): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(call.argumentTokens.join(''));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
