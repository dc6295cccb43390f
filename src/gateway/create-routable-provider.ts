import type { ProviderConfig } from '../config/arbiter-config.js';
import type { RoutableProvider } from '../routing/resolve-route.js';
import { getTargetId, type Target } from '../routing/target.js';
import type { ProviderAdapter } from '../spec/provider-adapter.js';

/**
 * A provider as the router sees it. Its keys become one target each per model (a key restricted to some
 * models serves only those); calls rotate the first key so traffic spreads over the pool, and the other
 * keys stay behind it as fallbacks.
 */
export function createRoutableProvider(config: ProviderConfig, adapter: ProviderAdapter): RoutableProvider {
  const targetsByModel = new Map<string, Target[]>();
  let turn = 0;

  function buildTargets(model: string): Target[] {
    const keys = config.keys.filter((key) => !key.models || key.models.includes(model));
    return keys.map((key) => ({
      id: getTargetId(config.name, model, key.id),
      provider: config.name,
      family: config.family,
      model,
      credential: { id: key.id, apiKey: key.apiKey },
      baseUrl: config.baseUrl,
      adapter,
      timeoutInMs: config.timeoutInMs,
      headers: Object.keys(config.headers).length > 0 ? config.headers : undefined,
    }));
  }

  return {
    name: config.name,
    family: config.family,
    defaultModel: config.defaultModel,
    models: config.models,
    getTargets(model: string): Target[] {
      let targets = targetsByModel.get(model);
      if (!targets) {
        targets = buildTargets(model);
        // Caller-chosen model ids are unbounded; only cache the ones config knows.
        if (config.models.includes(model)) targetsByModel.set(model, targets);
      }
      if (targets.length === 1) return targets;
      const start = turn++ % targets.length;
      return [...targets.slice(start), ...targets.slice(0, start)];
    },
  };
}
