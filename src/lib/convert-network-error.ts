import { ProviderError, isProviderError } from '../spec/provider-error.js';
import type { ProviderId } from '../spec/provider-id.js';

const timeoutCodes = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

/**
 * Turns whatever a failed upstream call threw into a ProviderError. An aborted call rethrows the abort
 * reason as it is (the router aborted it on purpose: timeout, lost race, caller gone) unless the reason is
 * a plain timeout, which becomes `timeout`. Everything else is a retryable `network` error, worded for
 * whether it broke the request or a stream already under way.
 */
export function convertNetworkError(
  error: unknown,
  provider: ProviderId,
  signal?: AbortSignal,
  during: 'request' | 'stream' = 'request',
): unknown {
  if (isProviderError(error)) return error;
  if (signal?.aborted) {
    const reason: unknown = signal.reason;
    if (reason instanceof Error && reason.name === 'TimeoutError') {
      return new ProviderError({ kind: 'timeout', provider, message: `${provider} did not answer in time` });
    }
    return reason;
  }
  const code = (error as { code?: string } | null)?.code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (timeoutCodes.has(code)) {
    return new ProviderError({
      kind: 'timeout',
      provider,
      message: `${provider} timed out (${code})`,
      cause: error,
    });
  }
  return new ProviderError({
    kind: 'network',
    provider,
    message:
      during === 'stream'
        ? `${provider} closed the stream before the answer was complete (${code ? `${code} ` : ''}${message})`
        : `could not reach ${provider}: ${code ? `${code} ` : ''}${message}`,
    cause: error,
  });
}
