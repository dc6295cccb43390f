import type { ProviderFamily, ProviderId } from '../spec/provider-id.js';
import { isContestRouteName, resolveContestTargets } from './resolve-contest.js';
import { RouteError } from './route-error.js';
import { defaultRoutePolicy, type RoutePolicy } from './route-policy.js';
import type { Target } from './target.js';

/** A configured provider as the router sees it. */
export interface RoutableProvider {
  name: ProviderId;
  family: ProviderFamily;
  defaultModel?: string;
  /** Models it is known to serve, for bare model ids. */
  models: readonly string[];
  /** The targets that serve `model` (one per key), in the order to try them. */
  getTargets(model: string): Target[];
}

/** A named route from config: its targets in order, and how to run them. */
export interface RouteDefinition {
  targets: ReadonlyArray<{ provider: ProviderId; model: string }>;
  /** Overrides of the default policy for this route. */
  policy?: Partial<RoutePolicy>;
  /** How to order the healthy targets; `priority` (config order) when absent. */
  selector?: string;
}

export interface ResolvedRoute {
  /** The name the caller used. */
  name: string;
  targets: Target[];
  policy: RoutePolicy;
  selector?: string;
}

export interface RouteResolverOptions {
  providers: readonly RoutableProvider[];
  routes: Readonly<Record<string, RouteDefinition>>;
  defaultProvider?: ProviderId;
  /**
   * `auto` falls back over these providers' default models after the default provider's
   * (`LLM_AUTO_FALLBACK`, `LLM_FALLBACK_ORDER`); empty for no fallback.
   */
  fallbackProviders?: readonly ProviderId[];
  /** The policy of routes that do not set their own (env `MAX_RETRY_ATTEMPTS`, `RETRY_DELAY_SECONDS`). */
  defaultPolicy?: RoutePolicy;
  /** Explains how to configure a provider Arbiter knows but that has no key (`set GROQ_API_KEY`). */
  describeUnconfigured?: (provider: string) => string | undefined;
  /** The contenders of `race` and `compete` (`COMPETE_CONTENDERS`); default: every provider's default model. */
  contenders?: readonly string[];
}

/**
 * Turns a request's `model` into targets: a route name from config, `auto` (the default provider's default
 * model), `race` and `compete` (one target per contender), `provider/model`, a provider name alone (its
 * default model), or a bare model id that exactly one configured provider serves. A request's own
 * `contenders` replace the targets of `race`, `compete` and config routes with those strategies.
 */
export function createRouteResolver(options: RouteResolverOptions) {
  const byName = new Map(options.providers.map((provider) => [provider.name, provider]));

  const policy = options.defaultPolicy ?? defaultRoutePolicy;

  function targetsOf(provider: RoutableProvider, model: string): Target[] {
    return provider.getTargets(model);
  }

  function resolveDefault(name: string): ResolvedRoute {
    const provider = options.defaultProvider ? byName.get(options.defaultProvider) : options.providers[0];
    if (!provider?.defaultModel) {
      throw new RouteError(
        'model_not_found',
        `"${name}" needs a default provider with a default model, and none is configured.`,
      );
    }
    const fallbacks = (options.fallbackProviders ?? [])
      .filter((fallback) => fallback !== provider.name)
      .flatMap((fallback) => {
        const candidate = byName.get(fallback);
        return candidate?.defaultModel ? targetsOf(candidate, candidate.defaultModel) : [];
      });
    return { name, targets: [...targetsOf(provider, provider.defaultModel), ...fallbacks], policy };
  }

  const resolver = {
    resolve(model: string, contenders?: readonly string[]): ResolvedRoute {
      const route = options.routes[model];
      if (route) {
        const strategy = route.policy?.strategy;
        const targets =
          contenders && (strategy === 'race' || strategy === 'compete')
            ? resolveContestTargets(model, contenders, resolver.resolve)
            : route.targets.flatMap((target) => {
                const provider = byName.get(target.provider);
                return provider ? targetsOf(provider, target.model) : [];
              });
        return { name: model, targets, policy: { ...policy, ...route.policy }, selector: route.selector };
      }
      if (model === 'auto') return resolveDefault(model);
      if (isContestRouteName(model)) {
        const names = contenders ?? options.contenders ?? getDefaultContenders(options.providers);
        const targets = resolveContestTargets(model, names, resolver.resolve);
        return { name: model, targets, policy: { ...policy, strategy: model } };
      }

      const slash = model.indexOf('/');
      if (slash > 0) {
        const providerName = model.slice(0, slash);
        const provider = byName.get(providerName);
        if (provider) return { name: model, targets: targetsOf(provider, model.slice(slash + 1)), policy };
        const hint = options.describeUnconfigured?.(providerName);
        if (hint)
          throw new RouteError(
            'provider_not_configured',
            `The provider "${providerName}" is not configured: ${hint}`,
          );
      }

      const provider = byName.get(model);
      if (provider?.defaultModel)
        return { name: model, targets: targetsOf(provider, provider.defaultModel), policy };

      const servers = options.providers.filter((candidate) => candidate.models.includes(model));
      if (servers.length === 1) return { name: model, targets: targetsOf(servers[0]!, model), policy };
      if (servers.length > 1) {
        const names = servers.map((server) => `"${server.name}/${model}"`).join(', ');
        throw new RouteError(
          'model_ambiguous',
          `The model "${model}" is served by several providers; name one: ${names}.`,
        );
      }
      throw new RouteError(
        'model_not_found',
        `The model "${model}" does not exist on this gateway. Use "provider/model" (for example "${exampleName(options)}"), a route name, or "auto"; GET /v1/models lists them all.`,
      );
    },
  };
  return resolver;
}

/** Every provider with a default model, by name: what `race` and `compete` run when nothing is named. */
export function getDefaultContenders(providers: readonly RoutableProvider[]): string[] {
  return providers.flatMap((provider) => (provider.defaultModel ? [provider.name] : []));
}

export type RouteResolver = ReturnType<typeof createRouteResolver>;

function exampleName(options: RouteResolverOptions): string {
  const provider = options.providers[0];
  return provider?.defaultModel ? `${provider.name}/${provider.defaultModel}` : 'openai/gpt-4o-mini';
}
