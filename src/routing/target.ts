import type { Credential, ProviderAdapter } from '../spec/provider-adapter.js';
import type { ProviderFamily, ProviderId } from '../spec/provider-id.js';

/**
 * One concrete thing to call: provider + model + one credential + base URL + limits. A provider with
 * three keys and two models is six targets.
 */
export interface Target {
  /** Stable and safe to log: `groq/llama-3.3-70b-versatile@groq#3f9a1c2e`. */
  id: string;
  provider: ProviderId;
  family: ProviderFamily;
  model: string;
  credential: Credential;
  baseUrl: string;
  adapter: ProviderAdapter;
  /** Total time one attempt may take. */
  timeoutInMs: number;
  headers?: Readonly<Record<string, string>>;
}

export function getTargetId(provider: ProviderId, model: string, credentialId: string): string {
  return `${provider}/${model}@${credentialId}`;
}
