import type { ArbiterConfig } from '../config/arbiter-config.js';
import { ConfigError, type ConfigIssue } from '../config/config-error.js';
import type { Clock } from '../lib/clock.js';
import type { PlannedRoute } from '../routing/create-route-runner.js';
import type { TargetStatsReader } from '../routing/health/target-stats.js';
import type { RouteResolver } from '../routing/resolve-route.js';
import { RouteError } from '../routing/route-error.js';
import {
  createSelectorRegistry,
  type SelectorFactory,
} from '../routing/selectors/create-selector-registry.js';
import { selectionRulesSchema } from '../routing/selectors/selection-rule-schema.js';
import type { SelectionRequest, Selector } from '../routing/selectors/selector.js';
import type { Target } from '../routing/target.js';
import { planRoute } from './plan-route.js';

export interface RoutePlannerOptions {
  config: ArbiterConfig;
  resolver: RouteResolver;
  stats: TargetStatsReader;
  clock: Clock;
  /** A model's prices (USD per million tokens) and context window, when the price table knows them. */
  getModelInfo: (
    provider: string,
    model: string,
  ) => { input: number; output: number; contextWindow?: number; isKnown: boolean };
  random?: () => number;
  /** Selectors from outside routing (the learning layer's `learned`), by name. */
  extraSelectors?: Readonly<Record<string, SelectorFactory>>;
  /** The selector that orders `auto`'s targets, unless a config route named `auto` says otherwise. */
  autoSelector?: string;
  /** Weights of keys added at run time (the admin API's), by key id; configured keys' come from config. */
  getKeyWeight?: (keyId: string) => number | undefined;
}

const unknownRequest: SelectionRequest = {
  isStream: false,
  messageCount: 0,
  estimatedInputTokens: 0,
  text: '',
};

/**
 * Turns a request's `model` into the targets to try, in order: the route (plus the caller's fallbacks),
 * ordered by the route's selector with live statistics, weights (route target × key) and prices. Selector
 * names and rules are checked when the gateway starts, so a typo stops start-up with its place.
 */
export function createRoutePlanner(options: RoutePlannerOptions) {
  const { config, resolver, stats, clock } = options;
  const registry = createSelectorRegistry({ extraSelectors: options.extraSelectors });
  const selectors = new Map<string, Selector>();
  const issues: ConfigIssue[] = [];
  for (const [name, route] of Object.entries(config.routes)) {
    const selectorName = route.selector ?? (route.rules ? 'rules' : undefined);
    if (!selectorName) continue;
    if (!registry.has(selectorName)) {
      issues.push({
        path: `routes.${name}.selector`,
        message: `"${selectorName}" is not a selector (known: ${registry.names().join(', ')})`,
      });
      continue;
    }
    const rules = route.rules === undefined ? undefined : selectionRulesSchema.safeParse(route.rules);
    if (rules && !rules.success) {
      for (const issue of rules.error.issues)
        issues.push({ path: `routes.${name}.rules.${issue.path.join('.')}`, message: issue.message });
      continue;
    }
    try {
      selectors.set(name, registry.createSelector(selectorName, { rules: rules?.data }));
    } catch (error) {
      issues.push({
        path: `routes.${name}.rules`,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  if (options.autoSelector && !config.routes.auto)
    selectors.set('auto', registry.createSelector(options.autoSelector));
  if (issues.length > 0) throw new ConfigError(config.configFile ?? 'the config file', issues);

  const keyWeights = new Map(
    config.providers.flatMap((provider) => provider.keys.map((key) => [key.id, key.weight] as const)),
  );
  const routeWeights = new Map(
    Object.entries(config.routes).map(([name, route]) => [
      name,
      new Map(route.targets.map((target) => [`${target.provider}/${target.model}`, target.weight ?? 1])),
    ]),
  );

  return {
    plan(
      model: string,
      fallbacks: readonly string[] | undefined,
      request: SelectionRequest | undefined,
      contenders?: readonly string[],
    ): PlannedRoute {
      const route = planRoute(resolver, model, fallbacks, contenders);
      const selector = selectors.get(route.name);
      if (!selector || route.targets.length < 2) return route;
      const weights = routeWeights.get(route.name);
      const ordered = selector.order(route.targets, {
        route: route.name,
        request: request ?? unknownRequest,
        stats,
        random: options.random ?? Math.random,
        now: clock.now(),
        getWeight: (target: Target) =>
          (weights?.get(`${target.provider}/${target.model}`) ?? 1) *
          (keyWeights.get(target.credential.id) ?? options.getKeyWeight?.(target.credential.id) ?? 1),
        getPrice: (target: Target) => {
          const info = options.getModelInfo(target.provider, target.model);
          return info.isKnown ? { inputPerMillion: info.input, outputPerMillion: info.output } : undefined;
        },
        getContextWindow: (target: Target) =>
          options.getModelInfo(target.provider, target.model).contextWindow,
      });
      if (ordered.length === 0) {
        throw new RouteError(
          'no_target_fits',
          `No target of "${route.name}" has a context window large enough for this request (about ${request?.estimatedInputTokens ?? 0} input tokens).`,
        );
      }
      return { ...route, targets: ordered };
    },
  };
}
