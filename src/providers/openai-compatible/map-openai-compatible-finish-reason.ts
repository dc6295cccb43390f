import type { FinishReason } from '../../spec/finish-reason.js';

/**
 * Finish reasons of OpenAI-compatible hosts, onto OpenAI's. Returns `'error'` for hosts that signal a
 * failed generation through the finish reason (DeepSeek `insufficient_system_resource`, Mistral and
 * OpenRouter `error`): the caller turns that into an error, not a finished answer.
 * @see ../../../../shared/protocols/PROVIDERS.md §0 finish-reason table and §3.
 */
export function mapOpenAICompatibleFinishReason(reason: string): FinishReason | 'error' {
  switch (reason) {
    case 'stop':
    case 'length':
    case 'tool_calls':
    case 'content_filter':
    case 'function_call':
      return reason;
    case 'model_length': // Mistral
      return 'length';
    case 'end_turn':
    case 'eos':
      return 'stop';
    case 'error':
    case 'insufficient_system_resource':
      return 'error';
    default:
      return 'stop';
  }
}
