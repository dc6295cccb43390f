import { createId } from '../../lib/create-id.js';

/** What every chunk or body of one OpenAI answer repeats. */
export interface OpenAIResponseMeta {
  /** `chatcmpl-` and 29 characters, like OpenAI's. */
  id: string;
  /** Unix seconds. */
  created: number;
  /** The model as the caller named it (OpenAI would resolve aliases to a dated id). */
  model: string;
  systemFingerprint: string;
}

export function createOpenAIResponseMeta(model: string, systemFingerprint: string): OpenAIResponseMeta {
  return { id: createId('chatcmpl-', 29), created: Math.floor(Date.now() / 1000), model, systemFingerprint };
}

/** `call_` and 24 characters, like OpenAI's tool call ids. */
export function createOpenAIToolCallId(): string {
  return createId('call_', 24);
}
