import type { ProviderErrorKind } from '../spec/provider-error.js';
import type { ProviderId } from '../spec/provider-id.js';
import type { Usage } from '../spec/usage.js';

/**
 * The record of one attempt against one target. Outcomes feed usage accounting, learning, circuit
 * breakers and metrics, all off the request path.
 */
export interface Outcome {
  requestId: string;
  /** The route the caller named, for per-route learning; absent when an attempt ran outside a route. */
  route?: string;
  targetId: string;
  provider: ProviderId;
  model: string;
  credentialId: string;
  isStream: boolean;
  isSuccess: boolean;
  errorKind?: ProviderErrorKind | 'cancelled';
  /** Upstream HTTP status, when there was one. */
  status?: number;
  /** How long the upstream asked us to wait (429, 503), for key cooldowns and breakers. */
  retryAfterMs?: number;
  /** Unix milliseconds when the attempt started. */
  startedAt: number;
  /** From start to the full answer (non-stream) or to the end of the stream. */
  latencyInMs: number;
  /** From start to the first content part; streams only. */
  ttftInMs?: number;
  usage?: Usage;
  /** Set on outcomes another instance observed (shared through Redis), so they are not shared again. */
  isRemote?: boolean;
}

/** Receives outcomes. Must return at once: implementations queue, never do I/O inline. */
export type OutcomeListener = (outcome: Outcome) => void;
