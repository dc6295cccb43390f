/** How a route runs its targets. Every field has a default; config sets them per route. */
export interface RoutePolicy {
  /**
   * `compete` runs every target to completion and lets an evaluator choose (src/competition); where
   * only the route runner is available (pass-through formats, embeddings) it runs as a `race`.
   */
  strategy: 'sequential' | 'race' | 'hedge' | 'compete';
  /** Extra rounds over targets that failed with a retryable error (`MAX_RETRY_ATTEMPTS`). */
  maxRetries: number;
  /** First backoff between rounds; doubles each round, with jitter (`RETRY_DELAY_SECONDS`). */
  retryBaseDelayInMs: number;
  /** Longest wait a provider's `retry-after` may impose before we give up on it. */
  maxRetryAfterInMs: number;
  /** The whole request's deadline, all attempts and waits included. */
  requestTimeoutInMs: number;
  /** Streams: an attempt with no content part by then is abandoned and the next target tried. */
  ttftTimeoutInMs?: number;
  /** Hedge: start the next target when the current one has not answered (or streamed) by then. */
  hedgeDelayInMs: number | 'p90';
  /** Hedge: at most this share of requests may start an extra attempt (caps the extra spend). */
  hedgeBudget: number;
  /** Streams: resume the answer on the next target after a failure past the commit point. */
  shouldContinueOnFailure: boolean;
}

export const defaultRoutePolicy: RoutePolicy = {
  strategy: 'sequential',
  maxRetries: 2,
  retryBaseDelayInMs: 500,
  maxRetryAfterInMs: 60_000,
  requestTimeoutInMs: 300_000,
  hedgeDelayInMs: 'p90',
  hedgeBudget: 0.1,
  shouldContinueOnFailure: false,
};
