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
}

/** Abort reason used when the caller went away: not a provider failure, never retried. */
export class CallerCancelledError extends Error {
  override readonly name = 'CallerCancelledError';
  constructor() {
    super('the caller closed the connection');
  }
}
