import type { AttemptRecord } from '../../routing/attempt-record.js';
import type { Target } from '../../routing/target.js';
import { isProviderError, type ProviderError } from '../../spec/provider-error.js';

/** What one probe of one target (provider + key) found. */
export type TargetCheckStatus = 'ok' | 'key-rejected' | 'unreachable' | 'rate-limited' | 'failed';

export interface TargetCheck {
  target: Target;
  status: TargetCheckStatus;
  /** `models` when the adapter can list models (no tokens spent), else a one-token `chat`. */
  method: 'models' | 'chat';
  latencyInMs: number;
  /** The upstream's explanation, for anything but `ok`. Never contains the key. */
  message?: string;
  /** The failure as an attempt record, for `gateway.suggestFixes`. */
  attempt?: AttemptRecord;
}

/**
 * Probes one target the cheapest way its adapter allows — listing models, which needs a valid key but
 * spends no tokens, or else one token of chat — within `timeoutInMs`, and classifies the result: the
 * key was refused (401/403), the host could not be reached (network error or no answer in time), the key
 * is rate limited, or something else failed.
 * @example const check = await checkTarget(target, 5000);
 */
export async function checkTarget(
  target: Target,
  timeoutInMs: number,
  now: () => number = () => performance.now(),
): Promise<TargetCheck> {
  const signal = AbortSignal.timeout(timeoutInMs);
  const base = { credential: target.credential, baseUrl: target.baseUrl, signal, headers: target.headers };
  const { adapter } = target;
  const method = adapter.listModels ? 'models' : 'chat';
  const startedAt = now();
  try {
    if (adapter.listModels) await adapter.listModels(base);
    else {
      const request = {
        model: target.model,
        messages: [{ role: 'user' as const, content: 'ping' }],
        max_tokens: 1,
      };
      await adapter.chat({ ...base, request, model: target.model });
    }
    return { target, status: 'ok', method, latencyInMs: now() - startedAt };
  } catch (error) {
    const latencyInMs = now() - startedAt;
    if (!isProviderError(error)) {
      const message = error instanceof Error ? error.message : String(error);
      return { target, status: 'failed', method, latencyInMs, message };
    }
    return {
      target,
      status: classify(error),
      method,
      latencyInMs,
      message: error.message,
      attempt: toAttempt(target, error, latencyInMs),
    };
  }
}

function classify(error: ProviderError): TargetCheckStatus {
  switch (error.kind) {
    case 'auth':
      return 'key-rejected';
    case 'network':
    case 'timeout':
      return 'unreachable';
    case 'rate-limited':
      return 'rate-limited';
    default:
      return 'failed';
  }
}

function toAttempt(target: Target, error: ProviderError, latencyInMs: number): AttemptRecord {
  return {
    targetId: target.id,
    provider: target.provider,
    model: target.model,
    credentialId: target.credential.id,
    isSuccess: false,
    // A probe that timed out found a host that does not answer: the fix is the network's or the URL's,
    // not the longer timeout a slow real request would need.
    errorKind: error.kind === 'timeout' ? 'network' : error.kind,
    status: error.status,
    latencyInMs: Math.round(latencyInMs),
    error,
  };
}
