import type { FinishReason } from '../../spec/finish-reason.js';

/**
 * Ollama's `done_reason` as OpenAI's finish reason. Ollama says `stop` also when the model called tools,
 * so tool calls seen in the answer make it `tool_calls` (as Ollama's own /v1 does). `load` and `unload`
 * answer empty load/unload requests and `done_reason` is absent on older servers: all are `stop`.
 * @see ../../../../shared/protocols/PROVIDERS.md §0 finish-reason table and §7.1
 */
export function mapOllamaDoneReason(
  doneReason: string | null | undefined,
  hasToolCalls: boolean,
): FinishReason {
  if (doneReason === 'length') return 'length';
  return hasToolCalls ? 'tool_calls' : 'stop';
}
