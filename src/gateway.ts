import { Agent } from 'undici';
import type { ArbiterConfig } from './config/arbiter-config.js';
import { getKnownProvider } from './config/known-providers.js';
import { createDemoProviders } from './gateway/create-demo-providers.js';
import { createProviderAdapter } from './gateway/create-provider-adapter.js';
import { createRoutableProvider } from './gateway/create-routable-provider.js';
import { createSearchSynthesizer } from './gateway/create-search-synthesizer.js';
import { createSecretRedactor } from './lib/redact-secrets.js';
import type { AttemptContext } from './routing/attempt-context.js';
import type { Outcome, OutcomeListener } from './routing/outcome.js';
import { createRouteResolver, type ResolvedRoute } from './routing/resolve-route.js';
import { attemptCall } from './routing/attempt-call.js';
import { attemptStream, type CommittedStream } from './routing/attempt-stream.js';
import { createRouteRunner } from './routing/create-route-runner.js';
import { createLimitsLookup } from './gateway/create-limits-lookup.js';
import { createRoutePlanner } from './gateway/create-route-planner.js';
import {
  createRoutingHealth,
  type HealthEvent,
  type RoutingHealth,
} from './gateway/create-routing-health.js';
import { describeChatRequest } from './gateway/describe-chat-request.js';
import { systemClock, type Clock } from './lib/clock.js';
import type { SelectionRequest } from './routing/selectors/selector.js';
import { suggestFixes } from './gateway/suggest-fixes.js';
import { continueOnFailure } from './gateway/continue-on-failure.js';
import type { AttemptRecord } from './routing/attempt-record.js';
import {
  createDefaultPolicy,
  createRouteDefinitions,
  getAutoFallbackProviders,
} from './gateway/create-route-definitions.js';
import type { RouteSuccess } from './routing/route-success.js';
import { chatStreamCodec, type StreamCodec } from './routing/stream-codec.js';
import type { Target } from './routing/target.js';
import type { ChatResponse } from './spec/chat-response.js';
import type { ChatStreamPart } from './spec/chat-stream-part.js';
import type { Usage } from './spec/usage.js';
import { createSimulator, type Simulator } from './simulator/index.js';
import { createStores } from './gateway/create-stores.js';
import { createModelInfoLookup, type ModelInfoLookup } from './accounting/get-model-info.js';
import { createUsageRecorder, type UsageRecorder } from './accounting/usage-recorder.js';
import type { Stores } from './store/stores.js';
import type { ChatRequest } from './spec/chat-request.js';

/** Per-request facts the gateway needs from the ingress. */
export interface RequestContext {
  requestId: string;
  /** Aborted (with a CallerCancelledError) when the caller goes away. */
  signal: AbortSignal;
  /** Extra route names to fall back on after the route's own targets (body `fallbacks`, header). */
  fallbacks?: readonly string[];
  /** Streams: resume on the next target after a failure past the commit point (`continue_on_failure`). */
  shouldContinueOnFailure?: boolean;
  /** What selectors and rate limits need to know of the request; chat requests describe themselves. */
  selection?: SelectionRequest;
}

/** What a route produced, which target produced it, and every attempt on the way. */
export type RouteResult<T> = RouteSuccess<T> & { route: string };

/** One entry of `/v1/models`. */
export interface GatewayModel {
  id: string;
  ownedBy: string;
  isDemo: boolean;
}

export interface Gateway {
  readonly config: ArbiterConfig;
  /** Removes every configured secret (and anything shaped like an API key) from text. */
  readonly redact: (text: string) => string;
  /** The providers requests can reach (the demo ones in demo mode). */
  readonly providerNames: readonly string[];
  /** The simulator's URL when running in demo mode. */
  readonly demoSimulatorUrl?: string;
  /** A chat request through its route, non-streamed. */
  chat(request: ChatRequest, context: RequestContext): Promise<RouteResult<ChatResponse>>;
  /** A chat request through its route, streamed; resolves at the commit point. */
  chatStream(
    request: ChatRequest,
    context: RequestContext,
  ): Promise<RouteResult<CommittedStream<ChatStreamPart>>>;
  /**
   * Any call through the route `model` names, for ingress formats with their own per-target logic
   * (Anthropic pass-through, embeddings): `call` runs once per attempted target.
   */
  run<T>(
    model: string,
    context: RequestContext,
    call: (target: Target, signal: AbortSignal) => Promise<T>,
    usageOf: (value: T) => Usage | undefined,
  ): Promise<RouteResult<T>>;
  /** The targets a `model` names, in order, without calling any (throws RouteError). */
  resolve(model: string): ResolvedRoute;
  /** The streamed form of `run`, with the codec that finds the commit point in the format's items. */
  runStream<P>(
    model: string,
    context: RequestContext,
    open: (target: Target, signal: AbortSignal) => Promise<AsyncIterable<P>>,
    codec: StreamCodec<P>,
  ): Promise<RouteResult<CommittedStream<P>>>;
  listModels(): GatewayModel[];
  /** Every store port: the usage log, conversations, stored responses, … */
  readonly stores: Stores;
  /** The usage log's off-path writer: routes hand it each finished request. */
  readonly usage: UsageRecorder;
  /** A model's price and context window: the built-in catalog with the config's `prices:` over it. */
  readonly getModelInfo: ModelInfoLookup;
  /** Concrete next steps for the operator when every target failed (which key variable, which server). */
  suggestFixes(attempts: readonly AttemptRecord[]): string[];
  /** Subscribes to attempt outcomes; returns the unsubscribe function. */
  onOutcome(listener: OutcomeListener): () => void;
  /** Live routing health: target statistics, circuit breakers, key health. */
  readonly health: RoutingHealth;
  /** Subscribes to breaker changes and disabled keys; returns the unsubscribe function. */
  onHealthEvent(listener: (event: HealthEvent) => void): () => void;
  close(): Promise<void>;
}

export interface GatewayOptions {
  /** Stores to use instead of opening the configured backend; the caller closes them. */
  stores?: Stores;
  /** Drives the usage recorder's flush timer (tests). */
  clock?: Clock;
  /** Told about failures off the request path (a usage batch that could not be written). */
  reportError?: (error: unknown, message: string) => void;
}

/**
 * The composition root: builds adapters, targets, routes and (in demo mode) the simulator from the
 * configuration, opens the store backend and starts the usage recorder. Everything the HTTP server and the
 * CLI do goes through the returned Gateway; `close()` flushes the usage log and closes what it opened.
 * @example const gateway = await createGateway(loadConfig()); await gateway.chat(request, context);
 */
export async function createGateway(config: ArbiterConfig, options: GatewayOptions = {}): Promise<Gateway> {
  // Opened first: a data directory that cannot be used stops start-up before anything else is running.
  const stores = options.stores ?? (await createStores(config.storage));
  const dispatcher = new Agent({
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 600_000,
    connect: { timeout: 10_000 },
  });
  let simulator: Simulator | undefined;
  let providerConfigs = config.providers;
  if (config.isDemo) {
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
  const redact = createSecretRedactor(
    providerConfigs.flatMap((provider) => provider.keys.flatMap((key) => key.apiKey ?? [])),
  );
  const getModelInfo = createModelInfoLookup(config.accounting.prices);
  const usage = createUsageRecorder({
    store: stores.usage,
    getModelInfo,
    redact,
    clock: options.clock,
    flushIntervalInMs: config.accounting.flushIntervalInMs,
    onError:
      options.reportError ?? ((error, message) => process.stderr.write(`${message}: ${String(error)}\n`)),
  });

  const healthListeners = new Set<(event: HealthEvent) => void>();
  const health = createRoutingHealth({
    clock: systemClock,
    limitsOf: createLimitsLookup(providerConfigs),
    onEvent: (event) => healthListeners.forEach((listener) => listener(event)),
  });
  listeners.add(health.onOutcome);
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
  });

  function contextFor(model: string, context: RequestContext) {
    const route = planner.plan(model, context.fallbacks, context.selection);
    const attemptContext: AttemptContext = {
      requestId: context.requestId,
      route: route.name,
      signal: context.signal,
      onOutcome: emitOutcome,
    };
    return { route, attemptContext, estimatedTokens: context.selection?.estimatedInputTokens ?? 0 };
  }

  const gateway: Gateway = {
    config,
    redact,
    providerNames: providerConfigs.map((provider) => provider.name),
    demoSimulatorUrl: simulator?.url,
    stores,
    usage,
    getModelInfo,
    resolve: (model) => resolver.resolve(model),
    suggestFixes: (attempts) => suggestFixes(attempts, providerConfigs),
    async run(model, context, call, usageOf) {
      const { route, attemptContext, estimatedTokens } = contextFor(model, context);
      const result = await runner.run(
        route,
        attemptContext,
        (target, attemptContext) => attemptCall(target, attemptContext, call, usageOf),
        () => undefined,
        estimatedTokens,
      );
      return { ...result, route: route.name };
    },
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
    chat(request, context) {
      const prepared = applyRequestDefaults(request, config);
      return gateway.run(
        request.model,
        { ...context, selection: context.selection ?? describeChatRequest(prepared) },
        (target, signal) => target.adapter.chat(toProviderCall(prepared, target, signal)),
        (response) => response.usage,
      );
    },
    async chatStream(request, context) {
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
    listModels() {
      const models: GatewayModel[] = [];
      for (const provider of providerConfigs) {
        const ownedBy = provider.isDemo
          ? `${provider.name} (demo: simulated, not a real model)`
          : provider.name;
        for (const model of provider.models)
          models.push({ id: `${provider.name}/${model}`, ownedBy, isDemo: provider.isDemo === true });
      }
      for (const name of Object.keys(config.routes))
        models.push({ id: name, ownedBy: 'arbiter (route)', isDemo: false });
      if (providers.length > 0)
        models.push({ id: 'auto', ownedBy: 'arbiter (route)', isDemo: config.isDemo });
      return models;
    },
    health,
    onHealthEvent(listener) {
      healthListeners.add(listener);
      return () => healthListeners.delete(listener);
    },
    onOutcome(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await usage.close();
      if (!options.stores) await stores.close();
      await dispatcher.close();
      await simulator?.close();
    },
  };
  return gateway;
}

function toProviderCall(request: ChatRequest, target: Target, signal: AbortSignal) {
  return {
    request,
    model: target.model,
    credential: target.credential,
    baseUrl: target.baseUrl,
    signal,
    headers: target.headers,
  };
}

/** `TEMPERATURE_DEFAULT` and `MAX_TOKENS_DEFAULT` fill what the caller left out, nothing more. */
function applyRequestDefaults(request: ChatRequest, config: ArbiterConfig): ChatRequest {
  const { temperature, maxTokens } = config.requestDefaults;
  const needsTemperature = temperature !== undefined && request.temperature == null;
  const needsMaxTokens =
    maxTokens !== undefined && request.max_tokens == null && request.max_completion_tokens == null;
  if (!needsTemperature && !needsMaxTokens) return request;
  return {
    ...request,
    ...(needsTemperature ? { temperature } : {}),
    ...(needsMaxTokens ? { max_tokens: maxTokens } : {}),
  };
}
