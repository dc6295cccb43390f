import type { ArbiterConfig, RouteConfig } from '../config/arbiter-config.js';
import type { RouteDefinition } from '../routing/resolve-route.js';
import { defaultRoutePolicy, type RoutePolicy } from '../routing/route-policy.js';

/** The policy every route starts from: the defaults, with the environment's retries and deadline. */
export function createDefaultPolicy(config: ArbiterConfig): RoutePolicy {
  return {
    ...defaultRoutePolicy,
    maxRetries: config.routing.maxRetries,
    retryBaseDelayInMs: config.routing.retryDelayInMs,
    requestTimeoutInMs: config.routing.requestTimeoutInMs,
  };
}

/** The config file's routes as the resolver's definitions: targets, selector, and policy overrides. */
export function createRouteDefinitions(routes: Record<string, RouteConfig>): Record<string, RouteDefinition> {
  return Object.fromEntries(Object.entries(routes).map(([name, route]) => [name, toDefinition(route)]));
}

function toDefinition(route: RouteConfig): RouteDefinition {
  const policy: Partial<RoutePolicy> = {};
  if (route.strategy) policy.strategy = route.strategy;
  if (route.hedgeDelay !== undefined) policy.hedgeDelayInMs = route.hedgeDelay;
  if (route.hedgeBudget !== undefined) policy.hedgeBudget = route.hedgeBudget;
  if (route.maxRetries !== undefined) policy.maxRetries = route.maxRetries;
  if (route.retryDelayInMs !== undefined) policy.retryBaseDelayInMs = route.retryDelayInMs;
  if (route.timeoutInMs !== undefined) policy.requestTimeoutInMs = route.timeoutInMs;
  if (route.ttftTimeoutInMs !== undefined) policy.ttftTimeoutInMs = route.ttftTimeoutInMs;
  if (route.continueOnFailure !== undefined) policy.shouldContinueOnFailure = route.continueOnFailure;
  return { targets: route.targets, policy, selector: route.selector };
}

/** The providers `auto` falls back on: the configured order, or every provider, or none when disabled. */
export function getAutoFallbackProviders(config: ArbiterConfig, providerNames: readonly string[]): string[] {
  if (!config.routing.isAutoFallbackEnabled) return [];
  return config.routing.fallbackOrder.length > 0 ? config.routing.fallbackOrder : [...providerNames];
}
