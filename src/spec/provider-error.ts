import type { ProviderId } from './provider-id.js';

/** What went wrong upstream, in words the router can act on. */
export type ProviderErrorKind =
  | 'auth'
  | 'rate-limited'
  | 'quota'
  | 'overloaded'
  | 'server'
  | 'timeout'
  | 'network'
  | 'bad-request'
  | 'context-length'
  | 'content-filter'
  | 'not-found';

/** Kinds that another attempt (later, or on another target) can fix. */
const retryableKinds: ReadonlySet<ProviderErrorKind> = new Set([
  'rate-limited',
  'overloaded',
  'server',
  'timeout',
  'network',
]);

export interface ProviderErrorOptions {
  kind: ProviderErrorKind;
  provider: ProviderId;
  message: string;
  /** HTTP status from the upstream, when there was a response. */
  status?: number;
  /** Overrides the default for the kind (e.g. an `x-should-retry` header). */
  retryable?: boolean;
  /** How long the upstream asked us to wait, from `retry-after`, `retry-after-ms`, reset headers or the body. */
  retryAfterMs?: number;
  /** The upstream's own error code (`rate_limit_exceeded`, `overloaded_error`, `RESOURCE_EXHAUSTED`). */
  code?: string;
  /** The request field the upstream blamed, when it said. */
  param?: string;
  cause?: unknown;
}

/**
 * Every upstream failure becomes one of these. Messages come from the upstream's error body and never
 * contain credentials: adapters never put request headers into them.
 */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly kind: ProviderErrorKind;
  readonly provider: ProviderId;
  readonly status?: number;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  readonly code?: string;
  readonly param?: string;

  constructor(options: ProviderErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = options.kind;
    this.provider = options.provider;
    this.status = options.status;
    this.retryable = options.retryable ?? retryableKinds.has(options.kind);
    this.retryAfterMs = options.retryAfterMs;
    this.code = options.code;
    this.param = options.param;
  }
}

/** True for any ProviderError, also across module copies. */
export function isProviderError(value: unknown): value is ProviderError {
  return value instanceof ProviderError || (value instanceof Error && value.name === 'ProviderError');
}
