import type { FastifyReply, FastifyRequest } from 'fastify';
import { checkGuardrails } from '../security/guardrails/check-guardrails.js';
import {
  collectGuardedMessages,
  type GuardedFormat,
} from '../security/guardrails/collect-guarded-messages.js';
import { ApiError } from './api-error.js';
import type { RequestLogEntry } from './request-log.js';
import type { ServerContext } from './server-context.js';

/** The response header that tells a caller its request was flagged (`prompt-injection; score=0.9; …`). */
export const guardrailHeader = 'x-arbiter-guardrail';

/**
 * The guardrails at every chat ingress, called by each route right after its body is parsed: the
 * message limits, then prompt-injection detection in the mode of the caller's plan (else the global
 * one). A flag adds the response header and a `guardrail` field to the request's log line; a block or an
 * exceeded limit throws a 400 the route renders in its own format. `reply` is left out where the
 * response is not this request's alone (a batch item).
 */
export function applyGuardrails(
  context: ServerContext,
  request: FastifyRequest,
  reply: FastifyReply | undefined,
  entry: RequestLogEntry,
  check: { format: GuardedFormat; body: unknown },
): void {
  const settings = context.gateway.config.guardrails;
  if (!settings) return;
  const messages = collectGuardedMessages(check.format, check.body);
  const verdict = checkGuardrails(messages, settings, request.principal?.plan);
  if (verdict.action === 'allow') return;
  const { injection } = verdict;
  if (injection) {
    const signals = injection.findings.map((finding) => finding.signal);
    entry.guardrail = { promptInjection: injection.score, signals, action: verdict.action };
  }
  if (verdict.action === 'flag') {
    // On the raw response, so streamed answers (written with writeHead after a hijack) carry it too.
    const value = `prompt-injection; score=${verdict.injection.score}; signals=${entry.guardrail!.signals.join(',')}`;
    if (reply && !reply.raw.headersSent) reply.raw.setHeader(guardrailHeader, value);
    return;
  }
  const { violation } = verdict;
  throw new ApiError(400, 'invalid_request_error', violation.message, {
    code: violation.code,
    param: violation.param ?? null,
  });
}
