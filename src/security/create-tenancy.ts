import { computeCost } from '../accounting/compute-cost.js';
import type { ModelInfoLookup } from '../accounting/get-model-info.js';
import type { Clock } from '../lib/clock.js';
import type { GatewayKeyStore } from '../store/gateway-key-store.js';
import type { LimitStore } from '../store/limit-store.js';
import { checkModelAccess, type CheapModels, type RequestedRoute } from './check-model-access.js';
import {
  createAdmissionControl,
  type Admission,
  type BudgetUsage,
  type Demand,
  type KeyUsage,
} from './create-admission-control.js';
import { createGatewayKeyAdmin, type GatewayKeyAdmin } from './create-gateway-key-admin.js';
import { createKeyAuthenticator } from './create-key-authenticator.js';
import { createPlanCatalog, type PlanCatalog, type PlanSettings } from './create-plan-catalog.js';
import { createPriorityGate, type PriorityGate } from './create-priority-gate.js';
import { isSameSecret } from './gateway-key-secret.js';
import type { GatewayPrincipal } from './gateway-principal.js';
import { TenancyError } from './tenancy-error.js';

/** The configuration the tenancy layer needs (the `security` section of the config, by shape). */
export interface TenancySettings {
  apiKeys: ReadonlyArray<{ key: string; plan: string }>;
  adminKey?: string;
  plans: Readonly<Record<string, PlanSettings>>;
  cheapModelMaxInputPrice: number;
  maxConcurrentRequests: number;
  queueTimeoutInMs: number;
  keyCacheTtlInMs: number;
}

export interface TenancyOptions {
  settings: TenancySettings;
  keyStore: GatewayKeyStore;
  limitStore: LimitStore;
  getModelInfo: ModelInfoLookup;
  clock: Clock;
  onError: (error: unknown, message: string) => void;
  /** Told of each limited dollar budget as requests are admitted (budget alerts). */
  onBudgetUsage?: (usage: BudgetUsage) => void;
  /**
   * Told after a key is revoked, rotated or changed here (its hash) or a plan is stored (undefined), so
   * other instances can `forgetKeys` at once instead of after the key cache's TTL.
   */
  onKeysChanged?: (hash: string | undefined) => void;
}

/** What one HTTP request asks for, as the ingress estimated it before any upstream call. */
export interface AdmissionRequest {
  /** The routes it may be served by: the one it names and its fallbacks (each item's, for a batch). */
  routes: readonly RequestedRoute[];
  requests: number;
  inputTokens: number;
  outputTokens: number;
  /** How many usage records will settle it (a batch: its items; count_tokens: none). */
  settlements: number;
}

/** Gateway keys, plans, per-key limits and the admission queue, for the HTTP layer. */
export interface Tenancy {
  /**
   * True once any gateway key is configured (`ARBITER_API_KEYS`) or stored, revoked ones included (so
   * revoking every key never opens the gateway). While false, access is open.
   */
  readonly hasKeys: boolean;
  readonly isAdminEnabled: boolean;
  /** The caller's principal; undefined while access is open. Throws a TenancyError for a bad key. */
  authenticate(presented: string | undefined): Promise<GatewayPrincipal | undefined>;
  /** Throws unless `presented` is `ARBITER_ADMIN_KEY` (compared in constant time). */
  authenticateAdmin(presented: string | undefined): void;
  /** Whether the key may use a route (its name, or every target it reaches): what `/v1/models` lists. */
  isRouteAllowed(principal: GatewayPrincipal, route: RequestedRoute): boolean;
  /** Checks the models, then reserves the estimate on every limit; throws a TenancyError when refused. */
  admit(principal: GatewayPrincipal, request: AdmissionRequest): Promise<Admission>;
  readUsage(keyId: string): Promise<KeyUsage>;
  /**
   * Drops cached key lookups after a change made on another instance: one key's (by hash), or every
   * one and the stored plans (undefined: a plan changed).
   */
  forgetKeys(hash: string | undefined): void;
  readonly gate: PriorityGate;
  readonly keys: GatewayKeyAdmin;
  readonly plans: PlanCatalog;
}

/**
 * The tenancy layer of DESIGN.md §7, composed over the key store and the limit store.
 * @example const tenancy = await createTenancy({ settings: config.security, keyStore, limitStore, getModelInfo, clock, onError });
 */
export async function createTenancy(options: TenancyOptions): Promise<Tenancy> {
  const { settings, keyStore, clock } = options;
  const ttlInMs = settings.keyCacheTtlInMs;
  const plans = createPlanCatalog({ store: keyStore, configured: settings.plans, clock, ttlInMs });
  await plans.refresh(true);
  const authenticator = createKeyAuthenticator({
    store: keyStore,
    configuredKeys: settings.apiKeys,
    plans,
    clock,
    ttlInMs,
  });
  const control = createAdmissionControl({
    store: options.limitStore,
    onError: options.onError,
    onBudgetUsage: options.onBudgetUsage,
  });
  let hasKeys = settings.apiKeys.length > 0 || (await keyStore.list()).length > 0;
  let checkedAt = clock.now();
  let checking: Promise<void> | undefined;
  const cheap: CheapModels = {
    maxInputPrice: settings.cheapModelMaxInputPrice,
    isCheap(provider, model) {
      const info = options.getModelInfo(provider, model);
      return info.isKnown && info.input <= settings.cheapModelMaxInputPrice;
    },
  };

  /** While open, another instance may have created the first key: look again at most once per TTL. */
  function recheckKeys(): Promise<void> {
    if (clock.now() - checkedAt < ttlInMs) return Promise.resolve();
    checking ??= keyStore
      .list()
      .then((keys) => {
        hasKeys ||= keys.length > 0;
        checkedAt = clock.now();
      })
      .finally(() => {
        checking = undefined;
      });
    return checking;
  }

  const keys = createGatewayKeyAdmin({
    store: keyStore,
    // Every change the admin API makes here is told to the other instances as well.
    authenticator: {
      ...authenticator,
      forget(hash) {
        authenticator.forget(hash);
        options.onKeysChanged?.(hash);
      },
    },
    plans,
    clock,
    onCreated: () => {
      hasKeys = true;
    },
  });

  return {
    get hasKeys() {
      return hasKeys;
    },
    isAdminEnabled: settings.adminKey !== undefined,
    async authenticate(presented) {
      if (!hasKeys) await recheckKeys();
      if (!hasKeys) return undefined;
      if (!presented) {
        throw new TenancyError(
          'missing-key',
          'This gateway needs an API key: send it as "Authorization: Bearer <key>" or "X-API-Key: <key>".',
        );
      }
      return authenticator.authenticate(presented);
    },
    authenticateAdmin(presented) {
      if (settings.adminKey === undefined)
        throw new TenancyError(
          'admin-disabled',
          'The admin API is off: set ARBITER_ADMIN_KEY to turn it on.',
        );
      if (!presented) {
        throw new TenancyError(
          'missing-key',
          'The admin API needs the admin key (ARBITER_ADMIN_KEY) as "Authorization: Bearer <key>" or "X-API-Key: <key>".',
        );
      }
      if (!isSameSecret(presented, settings.adminKey))
        throw new TenancyError('invalid-key', 'The admin key is not valid on this gateway.');
    },
    isRouteAllowed(principal, route) {
      try {
        checkModelAccess(principal, [route], cheap);
        return true;
      } catch (error) {
        if (error instanceof TenancyError) return false;
        throw error;
      }
    },
    async admit(principal, request) {
      checkModelAccess(principal, request.routes, cheap);
      let costInUsd = 0;
      const usage = {
        prompt_tokens: request.inputTokens,
        completion_tokens: request.outputTokens,
        total_tokens: request.inputTokens + request.outputTokens,
      };
      for (const route of request.routes)
        for (const target of route.targets)
          costInUsd = Math.max(
            costInUsd,
            computeCost(usage, options.getModelInfo(target.provider, target.model)),
          );
      // Built field by field: a spread of the request was one of the costlier lines of the hot path.
      const demand: Demand = {
        requests: request.requests,
        inputTokens: request.inputTokens,
        outputTokens: request.outputTokens,
        costInUsd,
        settlements: request.settlements,
      };
      return control.admit(principal, demand, clock.now());
    },
    readUsage: (keyId) => control.readUsage(keyId, clock.now()),
    forgetKeys(hash) {
      authenticator.forget(hash);
      if (hash === undefined)
        plans.refresh(true).catch((error: unknown) => options.onError(error, 're-reading the plans failed'));
    },
    gate: createPriorityGate({
      maxConcurrent: settings.maxConcurrentRequests,
      queueTimeoutInMs: settings.queueTimeoutInMs,
      clock,
    }),
    keys,
    plans: {
      ...plans,
      // Principals carry their plan's limits: a changed plan applies from each key's next lookup.
      async put(plan) {
        await plans.put(plan);
        authenticator.forget();
        options.onKeysChanged?.(undefined);
      },
    },
  };
}
