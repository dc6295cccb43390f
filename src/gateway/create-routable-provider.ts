import type { KeyConfig, ProviderConfig } from '../config/arbiter-config.js';
import type { RoutableProvider } from '../routing/resolve-route.js';
import { getTargetId, type Target } from '../routing/target.js';
import type { ProviderAdapter } from '../spec/provider-adapter.js';

/** A routable provider whose key pool also takes keys added at run time (the admin API's). */
export interface PooledRoutableProvider extends RoutableProvider {
  /** Replaces the run-time keys (configured keys stay); the next request sees the new pool. */
  setRuntimeKeys(keys: readonly KeyConfig[]): void;
}

/**
 * A provider as the router sees it. Its keys become one target each per model (a key restricted to some
 * models serves only those); calls rotate the first key so traffic spreads over the pool, and the other
 * keys stay behind it as fallbacks.
 */
export function createRoutableProvider(
  config: ProviderConfig,
  adapter: ProviderAdapter,
): PooledRoutableProvider {
  const targetsByModel = new Map<string, Target[]>();
  let turn = 0;
  let pool: readonly KeyConfig[] = config.keys;

  function buildTargets(model: string): Target[] {
    const keys = pool.filter((key) => !key.models || key.models.includes(model));
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
    setRuntimeKeys(keys) {
      const configured = new Set(config.keys.map((key) => key.id));
      // A keyless provider's placeholder (`ollama#nokey`) gives way once it has real keys.
      const base = keys.length > 0 ? config.keys.filter((key) => key.apiKey !== undefined) : config.keys;
      pool = [...base, ...keys.filter((key) => !configured.has(key.id))];
      targetsByModel.clear();
    },
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
