import type { OutcomeListener } from './outcome.js';

/** What every attempt of one request shares. */
export interface AttemptContext {
  requestId: string;
  /** The route name the caller used, for errors and outcomes. */
  route: string;
  /** Aborted when the caller goes away. */
  signal: AbortSignal;
  onOutcome: OutcomeListener;
  /** Injected for tests; defaults to Date.now. */
  now?: () => number;
  /** Streams: abandon an attempt that produced no content by then (time to first token). */
  ttftTimeoutInMs?: number;
}

/** Abort reason used when the caller went away: not a provider failure, never retried. */
export class CallerCancelledError extends Error {
  override readonly name: string = 'CallerCancelledError';
  constructor(message = 'the caller closed the connection') {
    super(message);
  }
}

/**
 * Abort reason for an attempt another one beat (race, hedge): recorded as cancelled, so a target is
 * never blamed for losing.
 */
export class LostRaceError extends CallerCancelledError {
  override readonly name = 'LostRaceError';
  constructor() {
    super('another target answered first');
  }
}
