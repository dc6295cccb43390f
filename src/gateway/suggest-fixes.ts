import type { ProviderConfig } from '../config/arbiter-config.js';
import { getKnownProvider } from '../config/known-providers.js';
import type { AttemptRecord } from '../routing/attempt-record.js';

/**
 * Concrete next steps for a request every target failed, from what each attempt says: which variable
 * holds the rejected key, whether a local server is running, until when keys are rate limited. Key ids
 * only, never keys.
 */
export function suggestFixes(
  attempts: readonly AttemptRecord[],
  providers: readonly ProviderConfig[],
): string[] {
  const suggestions = new Set<string>();
  for (const attempt of attempts) {
    const provider = providers.find((candidate) => candidate.name === attempt.provider);
    const known = getKnownProvider(attempt.provider);
    const keyVariable = known
      ? `${known.envPrefix}_API_KEY`
      : `the key of "${attempt.provider}" in arbiter.yaml`;
    if (attempt.skipped) {
      suggestions.add(`${attempt.targetId.split('@')[0]} was skipped: ${attempt.skipped}.`);
      continue;
    }
    switch (attempt.errorKind) {
      case 'auth':
        suggestions.add(`${attempt.provider} rejected key ${attempt.credentialId}: check ${keyVariable}.`);
        break;
      case 'quota':
        suggestions.add(
          `${attempt.provider}'s account (key ${attempt.credentialId}) is out of quota or credit: check its billing, or add another key.`,
        );
        break;
      case 'rate-limited': {
        const wait = attempt.error?.retryAfterMs;
        suggestions.add(
          `${attempt.provider} is rate limiting key ${attempt.credentialId}${wait ? ` for about ${Math.ceil(wait / 1000)} s` : ''}: add keys (${known ? `${known.envPrefix}_API_KEYS` : 'apiKeys'}) or another provider to the route.`,
        );
        break;
      }
      case 'network':
        suggestions.add(
          provider?.family === 'ollama'
            ? `Is Ollama running at ${provider.baseUrl}? (OLLAMA_BASE_URL)`
            : `${attempt.provider} could not be reached at ${provider?.baseUrl ?? 'its base URL'}: check the network and ${known ? `${known.envPrefix}_BASE_URL` : 'baseUrl'}.`,
        );
        break;
      case 'timeout':
        suggestions.add(
          `${attempt.provider} did not answer in time: raise ${known ? `${known.envPrefix}_TIMEOUT` : 'its timeout'} or add a faster fallback.`,
        );
        break;
      case 'not-found':
        suggestions.add(
          `${attempt.provider} does not know the model "${attempt.model}": GET /v1/models lists the known names.`,
        );
        break;
      default:
        break;
    }
  }
  return [...suggestions];
}
