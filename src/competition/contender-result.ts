import type { AttemptRecord } from '../routing/attempt-record.js';
import type { Target } from '../routing/target.js';
import type { ChatResponse } from '../spec/chat-response.js';
import type { ProviderErrorKind } from '../spec/provider-error.js';
import type { Usage } from '../spec/usage.js';

/** Why a contender has no answer. */
export interface ContenderError {
  /** A provider error kind; `timeout` also for a straggler cut at the deadline; `skipped` when never called. */
  kind: ProviderErrorKind | 'skipped' | 'cancelled';
  /** Safe to show: provider messages never carry credentials, and the caller redacts them again. */
  message: string;
  status?: number;
}

/** What one contender did in a competition. */
export interface ContenderResult {
  name: string;
  /** The target that was called (or, when skipped, the one that would have been). */
  target: Target;
  /** Present when the contender answered completely in time. */
  response?: ChatResponse;
  /** The answer's text (tool calls rendered as `name(arguments)`); empty without an answer. */
  text: string;
  error?: ContenderError;
  /** True for a straggler aborted at the competition's deadline. */
  isTimedOut: boolean;
  /** From the start of the competition to the end of the answer (or of the failure). */
  latencyInMs: number;
  /** From the start to the first content token, when one arrived. */
  ttftInMs?: number;
  usage?: Usage;
  /** USD at the price table's price, when there was usage. */
  costInUsd?: number;
  /** The attempt as routing reports it (log line, usage log, the all-failed error). */
  record: AttemptRecord;
}

/** True when the contender has an answer an evaluator can consider. */
export function hasAnswer(result: ContenderResult): result is ContenderResult & { response: ChatResponse } {
  return result.response !== undefined;
}
