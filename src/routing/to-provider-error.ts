import { ProviderError, isProviderError } from '../spec/provider-error.js';
import { CallerCancelledError } from './attempt-context.js';

/**
 * Whatever an attempt threw, as a ProviderError, or the CallerCancelledError it was aborted with. An
 * unexpected exception (a bug in a converter) becomes a `server` error of that provider rather than a
 * crash, so the router can still fall back.
 */
export function toProviderError(error: unknown, provider: string): ProviderError | CallerCancelledError {
  if (error instanceof CallerCancelledError || isProviderError(error)) return error;
  if (error instanceof Error && error.name === 'TimeoutError') {
    return new ProviderError({ kind: 'timeout', provider, message: `${provider} did not answer in time` });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ProviderError({
    kind: 'server',
    provider,
    message: `unexpected failure talking to ${provider}: ${message}`,
    cause: error,
  });
}
