import type { FinishReason } from '../../spec/finish-reason.js';

/**
 * Anthropic's `stop_reason` in OpenAI's vocabulary. `pause_turn` (a server-tool loop paused; the caller
 * may resend to continue) is a normal stop, as vercel/ai maps it; `refusal` (the streaming classifier
 * intervened, content may be partial) is `content_filter`; an unknown future reason is a stop.
 * @see ../../../../shared/protocols/PROVIDERS.md §0 finish-reason table, §5.4, §5.6
 * @see https://docs.anthropic.com/en/api/handling-stop-reasons
 */
export function mapAnthropicStopReason(reason: string | null | undefined): FinishReason {
  switch (reason) {
    case 'tool_use':
      return 'tool_calls';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'refusal':
      return 'content_filter';
    case 'end_turn':
    case 'stop_sequence':
    case 'pause_turn':
    default:
      return 'stop';
  }
}
