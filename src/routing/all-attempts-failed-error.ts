import type { ProviderError } from '../spec/provider-error.js';
import type { AttemptRecord } from './attempt-record.js';

/** Every target of the route failed. Carries each attempt so the caller can be told exactly what happened. */
export class AllAttemptsFailedError extends Error {
  override readonly name = 'AllAttemptsFailedError';
  constructor(
    readonly route: string,
    readonly attempts: AttemptRecord[],
  ) {
    super(
      `every target of route "${route}" failed (${attempts.length} attempt${attempts.length === 1 ? '' : 's'})`,
    );
  }

  /** The error of the last attempt, which decides the status when all attempts failed alike. */
  get lastError(): ProviderError | undefined {
    return this.attempts.at(-1)?.error;
  }
}
