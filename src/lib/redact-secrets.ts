/**
 * Shapes of well-known API keys and bearer tokens. Matching keeps a short, harmless prefix so a log line
 * still says which kind of key it was (`sk-proj-…`), never the key.
 */
const secretPatterns: ReadonlyArray<{ pattern: RegExp; hint: RegExp }> = [
  // OpenAI, Anthropic, OpenRouter
  { pattern: /\b(sk-(?:proj-|ant-(?:api\d\d-)?|or-v1-)?)[A-Za-z0-9_-]{16,}/g, hint: /sk-/ },
  { pattern: /\b(gsk_)[A-Za-z0-9]{16,}/g, hint: /gsk_/ }, // Groq
  { pattern: /\b(xai-)[A-Za-z0-9]{16,}/g, hint: /xai-/ }, // xAI
  { pattern: /\b(AIza)[0-9A-Za-z_-]{20,}/g, hint: /AIza/ }, // Google
  { pattern: /\b(arb_(?:live|admin)_)[A-Za-z0-9_-]{8,}/g, hint: /arb_/ }, // Arbiter gateway keys
  { pattern: /\b(Bearer\s+)[A-Za-z0-9._~+/=-]{12,}/gi, hint: /bearer/i },
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
    // Each pattern only where its literal prefix occurs: a log line has none of them almost always, and
    // a literal search is far cheaper than the pattern's scan (this runs on every log line).
    for (const { pattern, hint } of secretPatterns) {
      if (hint.test(result)) result = result.replace(pattern, '$1[redacted]');
    }
    return result;
  };
}
