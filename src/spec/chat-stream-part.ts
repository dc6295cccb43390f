import type { FinishReason } from './finish-reason.js';
import type { ProviderError } from './provider-error.js';
import type { Usage } from './usage.js';

/**
 * One event of a streamed answer. Provider folders turn their wire events into these; the ingress
 * formats turn them back into SSE. `choiceIndex` is the OpenAI choice (`n > 1`), 0 almost always.
 */
export type ChatStreamPart =
  | ResponseMetadataPart
  | TextDeltaPart
  | ReasoningDeltaPart
  | ToolCallDeltaPart
  | FinishPart
  | UsagePart
  | ErrorPart
  | ContinuationPart;

/** The upstream's id, model and creation time, as soon as it says them. May come more than once. */
export interface ResponseMetadataPart {
  type: 'response-metadata';
  id?: string;
  model?: string;
  /** Unix seconds. */
  created?: number;
  systemFingerprint?: string | null;
}

export interface TextDeltaPart {
  type: 'text-delta';
  choiceIndex: number;
  text: string;
}

export interface ReasoningDeltaPart {
  type: 'reasoning-delta';
  choiceIndex: number;
  text: string;
}

/**
 * A fragment of a tool call. `toolCallIndex` counts tool calls within the choice (0, 1, ...), whatever
 * the provider's own block indexes are. `id` and `name` come on the first fragment of each call;
 * `argumentsDelta` fragments concatenate to the JSON arguments string.
 */
export interface ToolCallDeltaPart {
  type: 'tool-call-delta';
  choiceIndex: number;
  toolCallIndex: number;
  id?: string;
  name?: string;
  argumentsDelta: string;
}

export interface FinishPart {
  type: 'finish';
  choiceIndex: number;
  finishReason: FinishReason;
}

/** Usage for the whole answer; the last one wins when a provider repeats it. */
export interface UsagePart {
  type: 'usage';
  usage: Usage;
}

/** A failure after the stream started. It ends the stream. */
export interface ErrorPart {
  type: 'error';
  error: ProviderError;
}

/**
 * The answer broke off on one target and continues on another (`continue_on_failure`): what follows
 * was written by `toTargetId`, told what had been said so far. Ingress formats flag it to the caller.
 */
export interface ContinuationPart {
  type: 'continuation';
  fromTargetId: string;
  toTargetId: string;
  reason: string;
}

/** Parts that prove the upstream is really answering: the stream commit point (DESIGN.md §3). */
export function isContentPart(part: ChatStreamPart): boolean {
  return (
    part.type === 'text-delta' ||
    part.type === 'tool-call-delta' ||
    part.type === 'reasoning-delta' ||
    part.type === 'finish'
  );
}
