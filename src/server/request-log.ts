import type { Logger } from 'pino';
import type { AttemptRecord } from '../routing/attempt-record.js';
import type { Usage } from '../spec/usage.js';

export interface RequestLogEntry {
  requestId: string;
  method: string;
  path: string;
  status: number;
  route?: string;
  isStream?: boolean;
  attempts?: readonly AttemptRecord[];
  durationInMs: number;
  ttftInMs?: number;
  usage?: Usage;
  errorCode?: string | null;
  /** Set when a guardrail fired: the prompt-injection score, its signals, and what was done. */
  guardrail?: { promptInjection: number; signals: string[]; action: 'flag' | 'block' };
}

/** Longest body text put in a log line (`LOG_BODIES`); the usage log keeps whole bodies. */
const MAX_LOGGED_BODY = 8192;

/**
 * The one log line per request: what was asked, where it went, every attempt on the way, and how long it
 * took. No keys: attempts carry target ids (credential labels) only. Bodies only when `bodies` is given
 * (`LOG_BODIES`), truncated; the log stream redacts secrets and personal data from the whole line.
 */
export function logRequest(
  logger: Logger,
  entry: RequestLogEntry,
  bodies?: { request?: unknown; response?: unknown },
): void {
  if (!logger.isLevelEnabled('info')) return;
  logger.info(
    {
      reqId: entry.requestId,
      method: entry.method,
      path: entry.path,
      status: entry.status,
      route: entry.route,
      stream: entry.isStream,
      attempts: entry.attempts?.map((attempt) => ({
        target: attempt.targetId,
        ok: attempt.isSuccess,
        error: attempt.errorKind,
        status: attempt.status,
        ms: attempt.latencyInMs,
      })),
      ms: entry.durationInMs,
      ttftMs: entry.ttftInMs,
      tokens: entry.usage ? { in: entry.usage.prompt_tokens, out: entry.usage.completion_tokens } : undefined,
      error: entry.errorCode ?? undefined,
      guardrail: entry.guardrail,
      ...(bodies ? { request: truncate(bodies.request), response: truncate(bodies.response) } : {}),
    },
    'request',
  );
}

function truncate(body: unknown): string | undefined {
  if (body === undefined) return undefined;
  const text =
    typeof body === 'string'
      ? body
      : Array.isArray(body) && body.every((part) => typeof part === 'string')
        ? body.join('')
        : JSON.stringify(body);
  return text.length > MAX_LOGGED_BODY ? `${text.slice(0, MAX_LOGGED_BODY)}… (${text.length} chars)` : text;
}
