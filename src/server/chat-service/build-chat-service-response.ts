import { computeCost } from '../../accounting/compute-cost.js';
import { countChatTokens, countTextTokens } from '../../accounting/count-chat-tokens.js';
import type { ModelInfoLookup } from '../../accounting/get-model-info.js';
import type { ChatMessage } from '../../spec/chat-request.js';
import type { Usage } from '../../spec/usage.js';

/** The `/chat` answer: the brief's fields first, then what a gateway adds. */
export interface ChatServiceResponse {
  message: string;
  /** `provider/model` of the target that answered (a route may have fallen back). */
  model_used: string;
  tokens_used: number;
  /** USD at the catalog's (or the config's) list price; 0 when the price is unknown, see `cost_known`. */
  cost_estimate: number;
  conversation_id: string;
  /** ISO 8601, when the answer was complete. */
  timestamp: string;
  /** Seconds from the request's arrival to its answer. */
  processing_time: number;
  request_id: string;
  prompt_tokens: number;
  completion_tokens: number;
  /** False when the model's price is unknown (its cost shows as 0); add it under `prices:` in arbiter.yaml. */
  cost_known: boolean;
  /** `provider` when the provider reported the tokens, `estimated` when Arbiter counted them. */
  token_source: 'provider' | 'estimated';
}

export interface ChatServiceAnswer {
  text: string;
  provider: string;
  model: string;
  /** The provider's usage, when it reported one. */
  usage?: Usage;
  /** What was sent, for counting tokens when the provider reported none. */
  messages: readonly ChatMessage[];
  conversationId: string;
  requestId: string;
  /** `performance.now()` when the request arrived. */
  startedAt: number;
}

/**
 * The answer with tokens and cost. The caller was promised `tokens_used`, so when the provider reported
 * no usage (a cut stream, some providers) the tokens are counted here with the tokenizer.
 */
export async function buildChatServiceResponse(
  answer: ChatServiceAnswer,
  getModelInfo: ModelInfoLookup,
): Promise<ChatServiceResponse> {
  const usage = answer.usage ?? (await countUsage(answer.messages, answer.text));
  const info = getModelInfo(answer.provider, answer.model);
  return {
    message: answer.text,
    model_used: `${answer.provider}/${answer.model}`,
    tokens_used: usage.total_tokens,
    cost_estimate: computeCost(usage, info),
    conversation_id: answer.conversationId,
    timestamp: new Date().toISOString(),
    processing_time: Math.round(performance.now() - answer.startedAt) / 1000,
    request_id: answer.requestId,
    prompt_tokens: usage.prompt_tokens,
    completion_tokens: usage.completion_tokens,
    cost_known: info.isKnown,
    token_source: answer.usage ? 'provider' : 'estimated',
  };
}

async function countUsage(messages: readonly ChatMessage[], text: string): Promise<Usage> {
  const promptTokens = await countChatTokens({ messages: [...messages] });
  const completionTokens = await countTextTokens(text);
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
  };
}
