import type { Target } from '../routing/target.js';
import type { ChatStreamPart } from '../spec/chat-stream-part.js';
import type { ContenderResult } from './contender-result.js';

/**
 * Watches a competition while it runs, for callers that show it live (the dashboard's arena): who
 * competes on which target, each contender's stream parts as they arrive, and each result as soon as that
 * contender is done, all before the verdict. Contenders are numbered in the order they were entered,
 * which is the order of `CompetitionResult.contenders`. Every callback runs on the competition's own
 * path, so it must return at once and never throw.
 */
export interface CompetitionObserver {
  /** Once, before any contender's first part: each contender's name and the target it was given. */
  onStart?(contenders: ReadonlyArray<{ name: string; target: Target }>): void;
  /** One part of contender `contenderIndex`'s stream, as it arrives. */
  onPart?(contenderIndex: number, part: ChatStreamPart): void;
  /** Contender `contenderIndex` is done: answered, failed, cut at the deadline or never called. */
  onResult?(contenderIndex: number, result: ContenderResult): void;
}
