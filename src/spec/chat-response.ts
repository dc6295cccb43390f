import type { FinishReason } from './finish-reason.js';
import type { ToolCall } from './chat-request.js';
import type { Usage } from './usage.js';

/** The internal, non-streamed answer: OpenAI's `chat.completion` object. */
export interface ChatResponse {
  id: string;
  object: 'chat.completion';
  /** Unix seconds. */
  created: number;
  /** The model that answered, as the upstream named it. */
  model: string;
  choices: ChatChoice[];
  usage?: Usage;
  system_fingerprint?: string | null;
  service_tier?: string | null;
  /** Provider extras that callers of an OpenAI-family upstream expect to see pass through. */
  [extra: string]: unknown;
}

export interface ChatChoice {
  index: number;
  message: ChatResponseMessage;
  finish_reason: FinishReason | null;
  logprobs?: unknown;
}

export interface ChatResponseMessage {
  role: 'assistant';
  content: string | null;
  tool_calls?: ToolCall[];
  refusal?: string | null;
  /** Reasoning text, when the provider exposes it (DeepSeek, xAI, Anthropic thinking, Gemini thoughts). */
  reasoning_content?: string;
  [extra: string]: unknown;
}
