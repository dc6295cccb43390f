import type { PlannedRoute } from '../routing/create-route-runner.js';
import type { RouteResolver } from '../routing/resolve-route.js';
import type { Target } from '../routing/target.js';

/**
 * The targets one request will try: its route's (a contest's own `contenders` when the caller named
 * some), then those of the fallbacks the caller named (body `fallbacks` or header
 * `x-arbiter-fallbacks`), each target once. An unknown fallback name is an error naming it, like an
 * unknown model.
 */
export function planRoute(
  resolver: RouteResolver,
  model: string,
  fallbacks: readonly string[] = [],
  contenders?: readonly string[],
): PlannedRoute {
  const route = resolver.resolve(model, contenders);
  if (fallbacks.length === 0) return route;
  const seen = new Set(route.targets.map((target) => target.id));
  const targets: Target[] = [...route.targets];
  for (const fallback of fallbacks) {
    for (const target of resolver.resolve(fallback).targets) {
      if (seen.has(target.id)) continue;
      seen.add(target.id);
      targets.push(target);
    }
  }
  return { ...route, targets };
}
