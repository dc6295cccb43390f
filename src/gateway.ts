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
import { runSequential, type RouteSuccess } from './routing/run-sequential.js';
import { chatStreamCodec, type StreamCodec } from './routing/stream-codec.js';
import type { Target } from './routing/target.js';
import type { ChatResponse } from './spec/chat-response.js';
import type { ChatStreamPart } from './spec/chat-stream-part.js';
import type { Usage } from './spec/usage.js';
import { createSimulator, type Simulator } from './simulator/index.js';
import { createMemoryResponseStore } from './store/memory/create-memory-response-store.js';
import type { ResponseStore } from './store/response-store.js';
import type { ChatRequest } from './spec/chat-request.js';

/** Per-request facts the gateway needs from the ingress. */
export interface RequestContext {
  requestId: string;
  /** Aborted (with a CallerCancelledError) when the caller goes away. */
  signal: AbortSignal;
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
  /** The stores the ingress formats keep their own state in. */
  readonly stores: { responses: ResponseStore };
  /** Subscribes to attempt outcomes; returns the unsubscribe function. */
  onOutcome(listener: OutcomeListener): () => void;
  close(): Promise<void>;
}

/**
 * The composition root: builds adapters, targets, routes and (in demo mode) the simulator from the
 * configuration. Everything the HTTP server and the CLI do goes through the returned Gateway.
 * @example const gateway = await createGateway(loadConfig()); await gateway.chat(request, context);
 */
export async function createGateway(config: ArbiterConfig): Promise<Gateway> {
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
    routes: config.routes,
    defaultProvider: config.isDemo ? providers[0]?.name : config.defaultProvider,
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

  function contextFor(model: string, context: RequestContext) {
    const route = resolver.resolve(model);
    const attemptContext: AttemptContext = {
      requestId: context.requestId,
      route: route.name,
      signal: context.signal,
      onOutcome: emitOutcome,
    };
    return { route, attemptContext };
  }

  const gateway: Gateway = {
    config,
    redact,
    providerNames: providerConfigs.map((provider) => provider.name),
    demoSimulatorUrl: simulator?.url,
    stores: { responses: createMemoryResponseStore() },
    resolve: (model) => resolver.resolve(model),
    async run(model, context, call, usageOf) {
      const { route, attemptContext } = contextFor(model, context);
      const result = await runSequential(route.targets, attemptContext, (target) =>
        attemptCall(target, attemptContext, call, usageOf),
      );
      return { ...result, route: route.name };
    },
    async runStream(model, context, open, codec) {
      const { route, attemptContext } = contextFor(model, context);
      const result = await runSequential(route.targets, attemptContext, (target) =>
        attemptStream(target, attemptContext, open, codec),
      );
      return { ...result, route: route.name };
    },
    chat(request, context) {
      const prepared = applyRequestDefaults(request, config);
      return gateway.run(
        request.model,
        context,
        (target, signal) => target.adapter.chat(toProviderCall(prepared, target, signal)),
        (response) => response.usage,
      );
    },
    chatStream(request, context) {
      const prepared = applyRequestDefaults(request, config);
      return gateway.runStream(
        request.model,
        context,
        (target, signal) => target.adapter.chatStream(toProviderCall(prepared, target, signal)),
        chatStreamCodec,
      );
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
    onOutcome(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
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
