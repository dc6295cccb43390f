import { ProviderError, isProviderError } from '../../spec/provider-error.js';
import type { ProviderId } from '../../spec/provider-id.js';
import { convertNetworkError } from '../../lib/convert-network-error.js';

/**
 * A network failure as the shared helper words it, except a refused connection, the usual way a local
 * Ollama is "down": its message says where Arbiter looked and what to do, because the base URL is not
 * secret (any user:password in it is removed all the same).
 */
export function convertOllamaNetworkError(
  error: unknown,
  provider: ProviderId,
  baseUrl: string,
  signal: AbortSignal,
): unknown {
  const converted = convertNetworkError(error, provider, signal);
  if (!isProviderError(converted) || converted.kind !== 'network' || !isConnectionRefused(error)) {
    return converted;
  }
  const where = removeUserInfo(baseUrl);
  return new ProviderError({
    kind: 'network',
    provider,
    message: `could not connect to ${provider} (ECONNREFUSED): is Ollama running at ${where}? Start it with \`ollama serve\` or fix the provider's base URL`,
    cause: error,
  });
}

/** Undici reports a refused connection by `code`, directly or, when both IPv4 and IPv6 failed, on each inner error. */
function isConnectionRefused(error: unknown): boolean {
  const candidate = error as { code?: unknown; cause?: unknown; errors?: unknown } | null;
  if (candidate?.code === 'ECONNREFUSED') return true;
  if (candidate?.cause !== undefined && candidate.cause !== error && isConnectionRefused(candidate.cause)) {
    return true;
  }
  return Array.isArray(candidate?.errors) && candidate.errors.some(isConnectionRefused);
}

function removeUserInfo(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/$/, '');
  } catch {
    return '(an invalid base URL)';
  }
}
