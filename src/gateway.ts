import { Agent } from 'undici';
import type { ArbiterConfig } from './config/arbiter-config.js';
import { getKnownProvider } from './config/known-providers.js';
import { createDemoProviders } from './gateway/create-demo-providers.js';
import { createProviderAdapter } from './gateway/create-provider-adapter.js';
import { createRoutableProvider } from './gateway/create-routable-provider.js';
import { createSearchSynthesizer } from './gateway/create-search-synthesizer.js';
import { createGatewayRedactor } from './gateway/create-gateway-redactor.js';
import { createProviderKeyManager } from './gateway/create-provider-key-manager.js';
import type { AttemptContext } from './routing/attempt-context.js';
import type { Outcome, OutcomeListener } from './routing/outcome.js';
import { createRouteResolver } from './routing/resolve-route.js';
import { attemptCall } from './routing/attempt-call.js';
import { attemptStream } from './routing/attempt-stream.js';
import { createRouteRunner } from './routing/create-route-runner.js';
import { createLimitsLookup } from './gateway/create-limits-lookup.js';
import { createRoutePlanner } from './gateway/create-route-planner.js';
import { createGatewayCompetition } from './gateway/create-gateway-competition.js';
import { createRoutingHealth, type HealthEvent } from './gateway/create-routing-health.js';
import { describeChatRequest } from './gateway/describe-chat-request.js';
import { startLearning } from './gateway/start-learning.js';
import { startAlerts } from './gateway/alerts/start-alerts.js';
import { systemClock } from './lib/clock.js';

import { suggestFixes } from './gateway/suggest-fixes.js';
import { continueOnFailure } from './gateway/continue-on-failure.js';

import {
  createDefaultPolicy,
  createRouteDefinitions,
  getAutoFallbackProviders,
} from './gateway/create-route-definitions.js';

import { chatStreamCodec } from './routing/stream-codec.js';
import type { Target } from './routing/target.js';

import type { Simulator } from './simulator/index.js';
import { createStores } from './gateway/create-stores.js';
import { createModelInfoLookup } from './accounting/get-model-info.js';
import { createUsageRecorder } from './accounting/usage-recorder.js';
import type { UsageRecord } from './store/usage-store.js';
import { createTenancy } from './security/create-tenancy.js';
import { createSharedState } from './gateway/create-shared-state.js';
import { connectInstances } from './gateway/connect-instances.js';
import { createCachedChat } from './gateway/create-cached-chat.js';

import type { ChatRequest } from './spec/chat-request.js';
import { applyRequestDefaults, toProviderCall } from './gateway/apply-request-defaults.js';
import type { Gateway, GatewayOptions, RequestContext, RouteResult } from './gateway/gateway-types.js';
import type { Usage } from './spec/usage.js';
import { listGatewayModels } from './gateway/list-gateway-models.js';

export type {
  Gateway,
  GatewayModel,
  GatewayOptions,
  RequestContext,
  RouteResult,
} from './gateway/gateway-types.js';

/**
 * The composition root: builds adapters, targets, routes and (in demo mode) the simulator from the
 * configuration, opens the store backend and starts the usage recorder. Everything the HTTP server and the
 * CLI do goes through the returned Gateway; `close()` flushes the usage log and closes what it opened.
 * @example const gateway = await createGateway(loadConfig()); await gateway.chat(request, context);
 */
export async function createGateway(config: ArbiterConfig, options: GatewayOptions = {}): Promise<Gateway> {
  // Opened first: a data directory that cannot be used stops start-up before anything else is running.
  const opened = options.stores ?? (await createStores(config.storage));
  // Failures off the request path (usage writes, learning saves, alerts) go here.
  const reportError =
    options.reportError ??
    ((error: unknown, message: string) => process.stderr.write(`${message}: ${String(error)}\n`));
  // What instances share through Redis (REDIS_URL): limits, the usage buffer, the cache, the event bus.
  const shared = await createSharedState({ config, stores: opened, clock: options.clock, reportError });
  const stores = shared.stores;
  const dispatcher = new Agent({
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 600_000,
    connect: { timeout: 10_000 },
  });
  let simulator: Simulator | undefined;
  let providerConfigs = config.providers;
  if (config.isDemo) {
    // Loaded only in demo mode: a gateway with real providers never pays for the simulator's code.
    const { createSimulator } = await import('./simulator/index.js');
    simulator = await createSimulator({ seed: 42 });
    providerConfigs = createDemoProviders(simulator.url);
  }
  const getSearchSynthesizer = (provider: string, synthesisModel: string) =>
    createSearchSynthesizer({ provider, synthesisModel, getGateway: () => gateway });
  const providers = providerConfigs.map((provider) =>
    createRoutableProvider(provider, createProviderAdapter(provider, dispatcher, getSearchSynthesizer)),
  );
  const resolver = createRouteResolver({
    providers,
    routes: createRouteDefinitions(config.routes),
    defaultProvider: config.isDemo ? providers[0]?.name : config.defaultProvider,
    defaultPolicy: createDefaultPolicy(config),
    fallbackProviders: getAutoFallbackProviders(
      config,
      providers.map((provider) => provider.name),
    ),
    contenders: config.competition.contenders.length > 0 ? config.competition.contenders : undefined,
    describeUnconfigured(name) {
      const known = getKnownProvider(name);
      return known
        ? `set ${known.envPrefix}_API_KEY (or add it under providers: in arbiter.yaml)`
        : undefined;
    },
  });
  const listeners = new Set<OutcomeListener>();
  const emitOutcome = (outcome: Outcome): void => {
    for (const listener of listeners) listener(outcome);
  };
  const secrets = createGatewayRedactor(config, providerConfigs);
  const redact = secrets.redact;
  // Stored keys join their provider's pool before the first request; the admin API changes them live.
  const providerKeys = await createProviderKeyManager({
    store: stores.providerKeys,
    providers: new Map(config.isDemo ? [] : providers.map((provider) => [provider.name, provider])),
    masterPassword: config.vault?.getMasterPassword(),
    onKeysChanged: (keys) => secrets.setRuntimeSecrets(keys.flatMap((key) => key.apiKey ?? [])),
    reportWarning: (message) =>
      options.reportError
        ? options.reportError(new Error(message), 'provider keys')
        : process.stderr.write(`provider keys: ${message}\n`),
  });
  const getModelInfo = createModelInfoLookup(config.accounting.prices);
  const usageListeners = new Set<(records: readonly UsageRecord[]) => void>();
  const usage = createUsageRecorder({
    // With USAGE_LOG=false records are still built (metrics count them) but never written.
    store: config.accounting.isUsageLogEnabled ? stores.usage : { ...stores.usage, append: async () => {} },
    onRecords: (records) => usageListeners.forEach((listener) => listener(records)),
    getModelInfo,
    redact: secrets.redactForLogs,
    clock: options.clock,
    flushIntervalInMs: config.accounting.flushIntervalInMs,
    onError: reportError,
  });

  const healthListeners = new Set<(event: HealthEvent) => void>();
  const health = createRoutingHealth({
    clock: systemClock,
    limitsOf: createLimitsLookup(providerConfigs),
    onEvent: (event) => healthListeners.forEach((listener) => listener(event)),
  });
  listeners.add(health.onOutcome);
  const alerts = startAlerts({
    config: config.alerts,
    providerOf: (targetId) => targetId.split('/')[0] ?? targetId,
    credentialsOf: (name) => providerConfigs.find((p) => p.name === name)?.keys.map((key) => key.id) ?? [],
    onError: reportError,
  });
  healthListeners.add(alerts.onHealthEvent);
  const tenancy = await createTenancy({
    onBudgetUsage: alerts.onBudgetUsage,
    settings: config.security,
    keyStore: stores.gatewayKeys,
    limitStore: options.limitStore ?? shared.limitStore,
    onKeysChanged: (hash) => instances.publishKeyChange(hash),
    getModelInfo,
    clock: options.clock ?? systemClock,
    onError: reportError,
  });
  const learning = await startLearning({
    config: config.learning,
    store: stores.learnedStats,
    getModelInfo,
    clock: options.clock,
    reportError: reportError,
  });
  listeners.add(learning.learning.observe);
  // Every instance sees every outcome (breakers, key health, statistics, learning) and every key change.
  const instances = connectInstances({
    bus: shared.bus,
    onRemoteOutcome(outcome) {
      health.onOutcome(outcome);
      learning.learning.observe(outcome);
    },
    forgetKeys: (hash) => tenancy.forgetKeys(hash),
    reportError,
  });
  listeners.add(instances.share);
  const runner = createRouteRunner({
    gate: health.gate,
    getTtftQuantile: (target) => health.stats.quantile(target.id, 0.9, 'ttft'),
  });
  const planner = createRoutePlanner({
    config,
    resolver,
    stats: health.stats,
    clock: systemClock,
    getModelInfo,
    extraSelectors: learning.extraSelectors,
    autoSelector: learning.autoSelector,
    getKeyWeight: providerKeys.getWeight,
  });

  const competition = createGatewayCompetition({
    config,
    resolver,
    providers,
    gate: health.gate,
    learning: learning.learning,
    getModelInfo,
    emitOutcome,
    getGateway: () => gateway,
    reportError: options.reportError,
  });

  function contextFor(
    model: string,
    context: RequestContext,
    described: RequestContext['selection'] = context.selection,
  ) {
    // The caller's plan joins whatever the ingress described, so `rules` can select by plan.
    const selection =
      context.plan !== undefined && described && described.plan === undefined
        ? { ...described, plan: context.plan }
        : described;
    const route = planner.plan(model, context.fallbacks, selection, context.contest?.contenders);
    const attemptContext: AttemptContext = {
      requestId: context.requestId,
      route: route.name,
      signal: context.signal,
      onOutcome: emitOutcome,
    };
    return { route, attemptContext, estimatedTokens: described?.estimatedInputTokens ?? 0 };
  }

  /** `run` for a request whose description the gateway made itself (no copy of the caller's context). */
  async function runDescribed<T>(
    model: string,
    context: RequestContext,
    selection: RequestContext['selection'],
    call: (target: Target, signal: AbortSignal) => Promise<T>,
    usageOf: (value: T) => Usage | undefined,
  ): Promise<RouteResult<T>> {
    const { route, attemptContext, estimatedTokens } = contextFor(model, context, selection);
    const result = await runner.run(
      route,
      attemptContext,
      (target, attemptContext) => attemptCall(target, attemptContext, call, usageOf),
      () => undefined,
      estimatedTokens,
    );
    return { value: result.value, target: result.target, attempts: result.attempts, route: route.name };
  }

  const gateway: Gateway = {
    config,
    redact,
    providerNames: providerConfigs.map((provider) => provider.name),
    demoSimulatorUrl: simulator?.url,
    stores,
    usage,
    getModelInfo,
    providerKeys,
    learning: learning.learning,
    resolve: (model) => resolver.resolve(model),
    suggestFixes: (attempts) => suggestFixes(attempts, providerConfigs),
    run: (model, context, call, usageOf) => runDescribed(model, context, context.selection, call, usageOf),
    async runStream(model, context, open, codec) {
      const { route, attemptContext, estimatedTokens } = contextFor(model, context);
      const result = await runner.run(
        route,
        attemptContext,
        (target, attemptContext) => attemptStream(target, attemptContext, open, codec),
        (stream) => stream.cancel(),
        estimatedTokens,
      );
      return { ...result, route: route.name };
    },
    compete: (request, context) => competition.compete(request, context),
    chat(request, context) {
      if (competition.isCompete(request.model)) return competition.chat(request, context);
      const prepared = applyRequestDefaults(request, config);
      return runDescribed(
        request.model,
        context,
        context.selection ?? describeChatRequest(prepared),
        (target, signal) => target.adapter.chat(toProviderCall(prepared, target, signal)),
        (response) => response.usage,
      );
    },
    async chatStream(request, context) {
      if (competition.isCompete(request.model)) return competition.chatStream(request, context);
      const prepared = applyRequestDefaults(request, config);
      const selection = context.selection ?? describeChatRequest(prepared);
      const { route, attemptContext, estimatedTokens } = contextFor(request.model, { ...context, selection });
      const runChatStream = (body: ChatRequest, targets: readonly Target[]) =>
        runner.run(
          { ...route, targets },
          attemptContext,
          (target, attempt) =>
            attemptStream(
              target,
              attempt,
              (candidate, signal) => candidate.adapter.chatStream(toProviderCall(body, candidate, signal)),
              chatStreamCodec,
            ),
          (stream) => stream.cancel(),
          estimatedTokens,
        );
      const result = await runChatStream(prepared, route.targets);
      if (!(route.policy.shouldContinueOnFailure || context.shouldContinueOnFailure))
        return { ...result, route: route.name };
      let last = result.target;
      const parts = continueOnFailure(result.value.parts, prepared, result.target, async (continuation) => {
        const next = await runChatStream(continuation, route.targets.slice(route.targets.indexOf(last) + 1));
        last = next.target;
        return { parts: next.value.parts, target: next.target };
      });
      return { ...result, value: { ...result.value, parts }, route: route.name };
    },
    listModels: () => listGatewayModels(config, providerConfigs, providers.length > 0),
    health,
    tenancy,
    getRedisStatus: shared.getRedisStatus,
    onHealthEvent(listener) {
      healthListeners.add(listener);
      return () => healthListeners.delete(listener);
    },
    onOutcome(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onUsageRecords(listener) {
      usageListeners.add(listener);
      return () => usageListeners.delete(listener);
    },
    async close() {
      await usage.close();
      await alerts.close();
      await learning.close();
      await instances.flush();
      await shared.drain();
      if (!options.stores) await stores.close();
      await shared.close();
      await dispatcher.close();
      await simulator?.close();
    },
  };
  if (shared.responseCache) {
    // Chat requests from an ingress consult the response cache before any routing (CACHE_ENABLED).
    const cached = createCachedChat(
      {
        cache: shared.responseCache,
        isSharedAcrossKeys: config.cache.isSharedAcrossKeys,
        isCacheable: (model) => !competition.isCompete(model),
        prepare: (request) => applyRequestDefaults(request, config),
        resolve: (model) => resolver.resolve(model),
      },
      { chat: gateway.chat, chatStream: gateway.chatStream },
    );
    Object.assign(gateway, cached);
  }
  return gateway;
}
