import type { Clock } from '../lib/clock.js';
import type { GatewayKeyStore, PlanRecord } from '../store/gateway-key-store.js';

/** A plan without its name, as the configuration gives them by name. */
export type PlanSettings = Omit<PlanRecord, 'name'>;

/** A plan and where it comes from: the configuration (built-ins, env, YAML) or the admin API. */
export interface PlanView extends PlanRecord {
  source: 'configured' | 'stored';
}

/** Every plan keys can be on; lookups are synchronous, from a snapshot. */
export interface PlanCatalog {
  get(name: string): PlanRecord | undefined;
  /** Ordered by name. */
  list(): PlanView[];
  /** Stores the plan (admin API) and uses it at once on this instance. */
  put(plan: PlanRecord): Promise<void>;
  /** Re-reads the stored plans if the snapshot is older than the TTL (or always, with `force`). */
  refresh(force?: boolean): Promise<void>;
}

export interface PlanCatalogOptions {
  store: GatewayKeyStore;
  /** Built-in plans with the environment and the config file applied. */
  configured: Readonly<Record<string, PlanSettings>>;
  clock: Clock;
  /** How long the stored plans are reused; another instance's change shows within it. */
  ttlInMs: number;
}

/**
 * The configured plans, with those stored through the admin API over them (a stored `free` replaces the
 * configured one entirely). The stored ones are re-read at most once per TTL, off the per-request path
 * of cached keys.
 */
export function createPlanCatalog(options: PlanCatalogOptions): PlanCatalog {
  const { store, clock, ttlInMs } = options;
  let stored = new Map<string, PlanRecord>();
  let readAt = Number.NEGATIVE_INFINITY;
  let reading: Promise<void> | undefined;

  const configured = (name: string): PlanRecord | undefined => {
    const settings = Object.hasOwn(options.configured, name) ? options.configured[name] : undefined;
    return settings ? { name, ...settings } : undefined;
  };

  return {
    get: (name) => stored.get(name) ?? configured(name),
    list() {
      const names = new Set([...Object.keys(options.configured), ...stored.keys()]);
      return [...names]
        .sort((left, right) => (left < right ? -1 : 1))
        .map((name) => {
          const plan = stored.get(name);
          return plan
            ? { ...plan, source: 'stored' as const }
            : { ...configured(name)!, source: 'configured' as const };
        });
    },
    async put(plan) {
      await store.putPlan(plan);
      stored = new Map(stored).set(plan.name, plan);
    },
    refresh(force = false) {
      if (!force && clock.now() - readAt < ttlInMs) return Promise.resolve();
      reading ??= store
        .listPlans()
        .then((plans) => {
          stored = new Map(plans.map((plan) => [plan.name, plan]));
          readAt = clock.now();
        })
        .finally(() => {
          reading = undefined;
        });
      return reading;
    },
  };
}
