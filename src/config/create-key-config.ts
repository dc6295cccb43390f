import { createHash } from 'node:crypto';
import type { KeyConfig } from './arbiter-config.js';

/**
 * A key with a stable, safe id: the provider name and 8 hex characters of the key's SHA-256. The id
 * survives reordering keys (learned statistics stay with their key) and tells nothing about the key.
 */
export function createKeyConfig(provider: string, apiKey: string | undefined, weight = 1): KeyConfig {
  if (apiKey === undefined) return { id: `${provider}#nokey`, weight };
  const fingerprint = createHash('sha256').update(apiKey).digest('hex').slice(0, 8);
  return { id: `${provider}#${fingerprint}`, apiKey, weight };
}
