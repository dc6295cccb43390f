import type { FastifyReply } from 'fastify';
import { CallerCancelledError } from '../routing/attempt-context.js';
import { ApiError } from './api-error.js';

/**
 * The requests that are calling upstreams right now, so a graceful shutdown can wait for them and, at
 * its deadline, cut the ones still running with a clean error in their own format.
 */
export interface InFlightRequests {
  /**
   * The controller whose signal a request's upstream calls run under; it is forgotten when the response
   * closes. Routes abort it themselves when the caller leaves.
   */
  track(reply: FastifyReply): AbortController;
  readonly size: number;
  /** Aborts every tracked request; from then on their cancellations answer as `server_shutting_down`. */
  abortAll(): void;
  /** Resolves once no request is tracked. */
  whenIdle(): Promise<void>;
  /** The answer for an error that is a request cut by `abortAll`, else undefined. */
  toShutdownError(error: unknown): ApiError | undefined;
}

/** @example const inFlight = createInFlightRequests(); const controller = inFlight.track(reply); */
export function createInFlightRequests(): InFlightRequests {
  const controllers = new Set<AbortController>();
  let idleWaiters: Array<() => void> = [];
  let isAborting = false;

  const forget = (controller: AbortController): void => {
    controllers.delete(controller);
    if (controllers.size > 0 || idleWaiters.length === 0) return;
    for (const resolve of idleWaiters) resolve();
    idleWaiters = [];
  };

  return {
    track(reply) {
      const controller = new AbortController();
      controllers.add(controller);
      reply.raw.once('close', () => forget(controller));
      return controller;
    },
    get size() {
      return controllers.size;
    },
    abortAll() {
      isAborting = true;
      // A cancellation, as far as routing is concerned: no target is blamed and nothing falls back.
      for (const controller of controllers) controller.abort(new CallerCancelledError());
    },
    whenIdle() {
      if (controllers.size === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    toShutdownError(error) {
      if (!isAborting || !(error instanceof CallerCancelledError)) return undefined;
      return new ApiError(
        503,
        'service_unavailable',
        'Arbiter is shutting down and this request was still running when its grace period (SHUTDOWN_GRACE_SECONDS) ended; send it again.',
        { code: 'server_shutting_down', headers: { 'retry-after': '1', 'x-should-retry': 'true' } },
      );
    },
  };
}
