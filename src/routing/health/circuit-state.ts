/** `closed`: traffic flows. `open`: the target is skipped. `half-open`: one probe at a time may try it. */
export type CircuitState = 'closed' | 'open' | 'half-open';

/** One target's breaker, for metrics and the dashboard. */
export interface CircuitStatus {
  state: CircuitState;
  /** When it last opened (open and half-open). */
  openedAt?: number;
  /** When an open breaker starts admitting a probe. */
  probeAt?: number;
  /** Counted failures in a row (closed). */
  consecutiveFailures: number;
  /** Counted outcomes in the window and the share that failed (closed). */
  requests: number;
  errorRate: number;
  /** Re-opens since it last closed; each doubles the open duration. */
  reopenCount: number;
}

/** Why a breaker changed state. */
export type CircuitChangeReason =
  'consecutive-failures' | 'error-rate' | 'open-duration-elapsed' | 'probe-failed' | 'probe-succeeded';

/** One transition, as the `onStateChange` hook receives it. */
export interface CircuitStateChange {
  targetId: string;
  from: CircuitState;
  to: CircuitState;
  reason: CircuitChangeReason;
  /** Unix ms. */
  at: number;
  /** When an opened breaker will admit a probe. */
  probeAt?: number;
}
