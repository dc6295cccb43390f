/**
 * Shapes of well-known API keys and bearer tokens. Matching keeps a short, harmless prefix so a log line
 * still says which kind of key it was (`sk-proj-…`), never the key.
 */
const secretPatterns: RegExp[] = [
  /\b(sk-(?:proj-|ant-(?:api\d\d-)?|or-v1-)?)[A-Za-z0-9_-]{16,}/g, // OpenAI, Anthropic, OpenRouter
  /\b(gsk_)[A-Za-z0-9]{16,}/g, // Groq
  /\b(xai-)[A-Za-z0-9]{16,}/g, // xAI
  /\b(AIza)[0-9A-Za-z_-]{20,}/g, // Google
  /\b(arb_(?:live|admin)_)[A-Za-z0-9_-]{8,}/g, // Arbiter gateway keys
  /\b(Bearer\s+)[A-Za-z0-9._~+/=-]{12,}/gi,
];

/**
 * Returns a function that removes secrets from text: every configured secret, matched exactly, and any
 * string that looks like a well-known API key. Use it on everything that leaves the process in text:
 * logs, error bodies, metrics labels.
 * @example const redact = createSecretRedactor(['my-groq-key']); redact('bad key my-groq-key') // 'bad key [redacted]'
 */
export function createSecretRedactor(knownSecrets: Iterable<string> = []): (text: string) => string {
  const secrets = [...new Set([...knownSecrets].filter((secret) => secret.length >= 6))].sort(
    (a, b) => b.length - a.length,
  );
  return function redactSecrets(text: string): string {
    let result = text;
    for (const secret of secrets) {
      if (result.includes(secret)) result = result.split(secret).join('[redacted]');
    }
    for (const pattern of secretPatterns) {
      result = result.replace(pattern, '$1[redacted]');
    }
    return result;
  };
}
