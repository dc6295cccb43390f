import { systemClock, type Clock } from '../lib/clock.js';
import type { AttemptContext } from './attempt-context.js';
import type { AttemptResult } from './attempt-result.js';
import { HedgeBudget } from './hedge-budget.js';
import type { RoutePolicy } from './route-policy.js';
import type { RouteSuccess } from './route-success.js';
import { runRoute } from './run-route.js';
import { openGate, type TargetGate } from './target-gate.js';
import type { Target } from './target.js';

export interface RouteRunnerOptions {
  gate?: TargetGate;
  clock?: Clock;
  random?: () => number;
  /** Hedge delay for `p90`: the target's recent 90th-percentile time to first token. */
  getTtftQuantile?: (target: Target) => number | undefined;
  maxGateWaitInMs?: number;
}

/** A planned request: the route's targets in the order to try them, and how to run them. */
export interface PlannedRoute {
  name: string;
  targets: readonly Target[];
  policy: RoutePolicy;
}

/** Used for `p90` hedging before a target has any time-to-first-token history. */
const fallbackHedgeDelayInMs = 1000;

/**
 * Runs planned routes with their strategies, keeping what outlives one request: the hedge budget of
 * each route, and the gate (breakers, key cooldowns, rate limits) shared by all.
 */
export function createRouteRunner(options: RouteRunnerOptions = {}) {
  const gate = options.gate ?? openGate;
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const budgets = new Map<string, HedgeBudget>();

  return {
    run<T>(
      route: PlannedRoute,
      context: AttemptContext,
      attempt: (target: Target, context: AttemptContext) => Promise<AttemptResult<T>>,
      discard: (value: T) => void,
      estimatedTokens = 0,
    ): Promise<RouteSuccess<T>> {
      const { policy } = route;
      let hedgeBudget: HedgeBudget | undefined;
      if (policy.strategy === 'hedge') {
        hedgeBudget = budgets.get(route.name) ?? new HedgeBudget(policy.hedgeBudget);
        budgets.set(route.name, hedgeBudget);
      }
      const getHedgeDelay = (target: Target): number =>
        policy.hedgeDelayInMs === 'p90'
          ? (options.getTtftQuantile?.(target) ?? fallbackHedgeDelayInMs)
          : policy.hedgeDelayInMs;
      return runRoute({
        targets: route.targets,
        // Field by field (AttemptContext is small and fixed): cheaper than a spread on every request.
        context: {
          requestId: context.requestId,
          route: context.route,
          signal: context.signal,
          onOutcome: context.onOutcome,
          now: context.now ?? clock.now,
          ttftTimeoutInMs: policy.ttftTimeoutInMs,
        },
        policy,
        gate,
        clock,
        random,
        estimatedTokens,
        attempt,
        discard,
        getHedgeDelay,
        hedgeBudget,
        maxGateWaitInMs: options.maxGateWaitInMs ?? 2000,
        attempts: [],
        deadline: clock.now() + policy.requestTimeoutInMs,
      });
    },
  };
}

export type RouteRunner = ReturnType<typeof createRouteRunner>;
