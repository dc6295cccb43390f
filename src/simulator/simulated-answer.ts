import type { FinishReason } from '../spec/index.js';

/**
 * What the simulator will do for one request, decided before anything is written and free of any wire
 * format: each wire module (OpenAI today; Anthropic, Gemini, Ollama next) renders the same plan.
 */
export type SimulatedAnswerPlan = SimulatedAnswer | SimulatedFailurePlan | SimulatedHang;

export interface SimulatedAnswer {
  kind: 'answer';
  choices: SimulatedChoice[];
  usage: SimulatedUsage;
  timing: SimulatedTiming;
  /** Set in `cut` mode: the connection is destroyed after this many content chunks. */
  cutAfterChunks?: number;
}

export interface SimulatedChoice {
  index: number;
  /** The text, already split into the tokens that are streamed one per chunk. Empty for tool calls only. */
  textTokens: readonly string[];
  toolCalls: SimulatedToolCall[];
  finishReason: FinishReason;
}

export interface SimulatedToolCall {
  name: string;
  /** The JSON arguments string split into tokens (it may be cut short by a token limit). */
  argumentTokens: readonly string[];
}

export interface SimulatedUsage {
  promptTokens: number;
  /** Every emitted text, tool-name and argument token over all choices. */
  completionTokens: number;
}

/** Delays after `timeScale` and jitter. */
export interface SimulatedTiming {
  latencyInMs: number;
  ttftInMs: number;
  /** Between two consecutive tokens of a choice; 0 when tokens are not throttled. */
  tokenIntervalInMs: number;
}

export type SimulatedFailureKind =
  | 'missing-key'
  | 'server'
  | 'overloaded'
  | 'rate-limited'
  | 'quota'
  | 'invalid-key'
  | 'context-length'
  | 'bad-request'
  | 'not-found'
  | 'timeout';

export interface SimulatedFailure {
  kind: SimulatedFailureKind;
  /** The HTTP status to answer with (a wire may map it, e.g. Anthropic's 529 for `overloaded`). */
  status: number;
  /** Sent as `retry-after` where the kind is retryable. */
  retryAfterSeconds?: number;
  /** The credential that caused an `invalid-key` failure, for a masked echo in the message. */
  apiKey?: string;
}

export interface SimulatedFailurePlan {
  kind: 'failure';
  failure: SimulatedFailure;
  /** Profile-driven failures answer after the profile's latency; credential failures at once. */
  delayInMs: number;
}

/** Accept the request and never answer, until the client gives up. */
export interface SimulatedHang {
  kind: 'hang';
}
