import type { ArbiterConfig, ProviderConfig } from '../config/arbiter-config.js';
import { createSecretRedactor } from '../lib/redact-secrets.js';
import { redactSensitive } from '../security/redact-sensitive.js';

/** The gateway's redactor, and the way to teach it keys added at run time. */
export interface GatewayRedactor {
  /** Removes every secret the gateway knows, and anything shaped like an API key, from text. */
  redact(text: string): string;
  /** `redact`, then personal data (emails, card numbers, phone numbers): for logs and the usage log. */
  redactForLogs(text: string): string;
  /** Replaces the run-time secrets (provider keys added through the admin API). */
  setRuntimeSecrets(secrets: readonly string[]): void;
}

/**
 * Every secret of this gateway in one redactor: provider keys (configured and added at run time), the
 * master password, the admin key, gateway keys listed in the environment, and every variable named like
 * a secret. Error bodies, the usage log and the log lines all go through it.
 */
export function createGatewayRedactor(
  config: ArbiterConfig,
  providers: readonly ProviderConfig[],
): GatewayRedactor {
  const configured = [
    ...providers.flatMap((provider) => provider.keys.flatMap((key) => key.apiKey ?? [])),
    ...(config.vault?.getSecrets() ?? []),
    ...(config.security.adminKey ? [config.security.adminKey] : []),
    ...config.security.apiKeys.map((entry) => entry.key),
    ...config.alerts.secrets,
  ];
  let current = createSecretRedactor(withJsonForms(configured));
  return {
    redact: (text) => current(text),
    redactForLogs: (text) => redactSensitive(current(text)),
    setRuntimeSecrets(secrets) {
      current = createSecretRedactor(withJsonForms([...configured, ...secrets]));
    },
  };
}

/** Each secret as written, and as it appears inside a JSON string (a password with `"` or `\\` in it). */
function withJsonForms(secrets: readonly string[]): string[] {
  return secrets.flatMap((secret) => {
    const escaped = JSON.stringify(secret).slice(1, -1);
    return escaped === secret ? [secret] : [secret, escaped];
  });
}
