import type { FinishReason } from '../../spec/finish-reason.js';

/**
 * Gemini's `finishReason` onto OpenAI's. Tool calls finish with `STOP` like plain text, so the caller
 * says whether the candidate produced any `functionCall` part: that is the only way to tell `tool_calls`.
 * Reasons that mean a failed tool call or an unclassified stop (`MALFORMED_FUNCTION_CALL`, `OTHER`, …)
 * map to `stop`, as the §0 table allows: the text produced so far is still the answer.
 * @see ../../../../shared/protocols/PROVIDERS.md §0 finish-reason table and §6.3.
 * @see https://ai.google.dev/api/generate-content#FinishReason
 */
export function mapGeminiFinishReason(reason: string, hasFunctionCalls: boolean): FinishReason {
  switch (reason) {
    case 'MAX_TOKENS':
      return 'length';
    case 'SAFETY':
    case 'RECITATION':
    case 'BLOCKLIST':
    case 'PROHIBITED_CONTENT':
    case 'SPII':
    case 'IMAGE_SAFETY':
    case 'IMAGE_PROHIBITED_CONTENT':
    case 'IMAGE_RECITATION':
      return 'content_filter';
    default:
      return hasFunctionCalls ? 'tool_calls' : 'stop';
  }
}
