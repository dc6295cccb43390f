import type { RoutingConfig } from './arbiter-config.js';
import type { EnvReader } from './env-reader.js';

/**
 * The routing settings of the original brief's environment form: `LLM_AUTO_FALLBACK=true|false`,
 * `LLM_FALLBACK_ORDER=groq,openai,ollama` (alias `FALLBACK_ORDER`), `MAX_RETRY_ATTEMPTS`,
 * `RETRY_DELAY_SECONDS`, plus `ARBITER_REQUEST_TIMEOUT` (seconds). Unknown providers in the fallback
 * order are issues naming them.
 */
export function readRoutingConfig(reader: EnvReader, configured: ReadonlySet<string>): RoutingConfig {
  const orderName = reader.string('LLM_FALLBACK_ORDER') ? 'LLM_FALLBACK_ORDER' : 'FALLBACK_ORDER';
  const fallbackOrder = reader.list(orderName);
  const unknown = fallbackOrder.filter((name) => !configured.has(name));
  if (unknown.length > 0 && configured.size > 0) {
    reader.issues.push({
      path: orderName,
      message: `${unknown.map((name) => `"${name}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not configured (configured: ${[...configured].join(', ')})`,
    });
  }
  return {
    isAutoFallbackEnabled: reader.boolean('LLM_AUTO_FALLBACK') ?? true,
    fallbackOrder: fallbackOrder.filter((name) => configured.has(name)),
    maxRetries: reader.number(['MAX_RETRY_ATTEMPTS'], { min: 0, max: 10, isInteger: true }) ?? 2,
    retryDelayInMs: Math.round(1000 * (reader.number(['RETRY_DELAY_SECONDS'], { min: 0, max: 60 }) ?? 0.5)),
    requestTimeoutInMs: Math.round(1000 * (reader.number(['ARBITER_REQUEST_TIMEOUT'], { min: 1 }) ?? 300)),
  };
}
