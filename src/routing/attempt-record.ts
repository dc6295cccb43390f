import type { ProviderError, ProviderErrorKind } from '../spec/provider-error.js';
import type { ProviderId } from '../spec/provider-id.js';

/** What the caller is told about each attempt (headers, the all-failed error, the log line). */
export interface AttemptRecord {
  targetId: string;
  provider: ProviderId;
  model: string;
  credentialId: string;
  isSuccess: boolean;
  errorKind?: ProviderErrorKind | 'cancelled';
  status?: number;
  latencyInMs: number;
  error?: ProviderError;
  /** Set when the target was not attempted at all: why (breaker open, key cooling down, rate limit). */
  skipped?: string;
  /** The skip was advice (breaker, cooling key) that a last-resort round may ignore. */
  isSoftSkip?: boolean;
}
