/** Response headers as undici and Node give them. */
export type HeaderRecord = Readonly<Record<string, string | string[] | undefined>>;

/**
 * How long an upstream asked us to wait, in milliseconds, or undefined if it did not say.
 * Reads, in order: `retry-after-ms` (float ms, OpenAI and Azure), `retry-after` (seconds or an HTTP date),
 * OpenAI-style `x-ratelimit-reset-requests|tokens` durations (`1s`, `6m0s`, `12ms`) for the exhausted
 * limit, and Anthropic's `anthropic-ratelimit-*-reset` RFC 3339 timestamps.
 */
export function parseRetryAfterMs(headers: HeaderRecord, now = Date.now()): number | undefined {
  const retryAfterMs = Number.parseFloat(header(headers, 'retry-after-ms') ?? '');
  if (Number.isFinite(retryAfterMs) && retryAfterMs >= 0) return Math.ceil(retryAfterMs);

  const retryAfter = header(headers, 'retry-after');
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    if (retryAfter.trim() !== '' && Number.isFinite(seconds) && seconds >= 0)
      return Math.ceil(seconds * 1000);
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }

  let resetMs: number | undefined;
  for (const limit of ['requests', 'tokens']) {
    const remaining = header(headers, `x-ratelimit-remaining-${limit}`);
    const reset = parseDurationMs(header(headers, `x-ratelimit-reset-${limit}`));
    if (reset !== undefined && (remaining === '0' || remaining === undefined)) {
      resetMs = Math.max(resetMs ?? 0, reset);
    }
  }
  if (resetMs !== undefined) return resetMs;

  for (const limit of ['requests', 'tokens', 'input-tokens', 'output-tokens']) {
    const remaining = header(headers, `anthropic-ratelimit-${limit}-remaining`);
    const reset = Date.parse(header(headers, `anthropic-ratelimit-${limit}-reset`) ?? '');
    if (Number.isFinite(reset) && remaining === '0') resetMs = Math.max(resetMs ?? 0, reset - now);
  }
  return resetMs;
}

/** Parses Go-style durations as OpenAI sends them: `1s`, `6m0s`, `12ms`, `1h2m3.5s`. */
export function parseDurationMs(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  const pattern = /(\d+(?:\.\d+)?)(ms|h|m|s)/g;
  let total = 0;
  let matched = '';
  for (const match of text.matchAll(pattern)) {
    const value = Number(match[1]);
    const unit = match[2];
    total +=
      unit === 'h' ? value * 3_600_000 : unit === 'm' ? value * 60_000 : unit === 's' ? value * 1000 : value;
    matched += match[0];
  }
  if (matched !== text.trim()) {
    const seconds = Number(text);
    return Number.isFinite(seconds) ? seconds * 1000 : undefined;
  }
  return Math.ceil(total);
}

/** One header's value, the first if repeated. Names are lower case, as Node and undici give them. */
export function header(headers: HeaderRecord, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
