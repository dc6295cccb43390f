import { createHash } from 'node:crypto';
import { stringifyCanonical } from '../lib/stringify-canonical.js';
import type { ChatRequest } from '../spec/chat-request.js';

/**
 * Request fields that do not change the answer: how it is delivered (`stream`, `stream_options`), who
 * asked (`user`, `safety_identifier`), and bookkeeping the provider keeps (`metadata`, `store`,
 * `prompt_cache_key`, `service_tier`). Everything else — including fields Arbiter does not know, which
 * are passed upstream and may change the answer — is part of the key.
 */
const IGNORED_FIELDS = new Set([
  'stream',
  'stream_options',
  'user',
  'safety_identifier',
  'metadata',
  'store',
  'prompt_cache_key',
  'service_tier',
]);

/** Whose cache an entry belongs to, and which route produced it. */
export interface CacheScope {
  /** The route the caller named (`auto`, `openai/gpt-4o-mini`, a route name). */
  route: string;
  /** The gateway key's id; `undefined` shares the entry with every caller (no keys, or sharing configured). */
  keyId?: string;
}

/**
 * The exact-match cache key of a chat request: a SHA-256 of its normalised form — the fields that change
 * the answer, with keys sorted, `stop` as a list and defaults that mean "absent" dropped — scoped to the
 * gateway key so one tenant never sees another's answers.
 * @example const key = deriveCacheKey(request, { route: request.model, keyId: caller.keyId });
 */
export function deriveCacheKey(request: ChatRequest, scope: CacheScope): string {
  const normalised: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(request)) {
    if (IGNORED_FIELDS.has(field) || value === null || value === undefined || field === 'model') continue;
    normalised[field] = value;
  }
  if (typeof normalised.stop === 'string') normalised.stop = [normalised.stop];
  if (normalised.n === 1) delete normalised.n;
  const text = stringifyCanonical({ v: 1, route: scope.route, key: scope.keyId ?? '*', request: normalised });
  return createHash('sha256').update(text).digest('base64url');
}
