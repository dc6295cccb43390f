import type { RouteConfig } from '../../config/arbiter-config.js';
import { isContestRouteName, type ContestRouteName } from '../../routing/resolve-contest.js';

/**
 * Whether `model` names a contest, and which: a config route by its strategy (a config route may take
 * the name `race` or `compete` for itself), else the built-in `race` and `compete`. Reads the config
 * only, so asking costs nothing on the hot path.
 */
export function getContestKind(
  routes: Readonly<Record<string, RouteConfig>>,
  model: unknown,
): ContestRouteName | undefined {
  if (typeof model !== 'string') return undefined;
  const route = routes[model];
  if (route) return route.strategy === 'race' || route.strategy === 'compete' ? route.strategy : undefined;
  return isContestRouteName(model) ? model : undefined;
}
