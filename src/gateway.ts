import { Agent } from 'undici';
import type { ArbiterConfig } from './config/arbiter-config.js';
import { getKnownProvider } from './config/known-providers.js';
import { createDemoProviders } from './gateway/create-demo-providers.js';
import { createProviderAdapter } from './gateway/create-provider-adapter.js';
import { createRoutableProvider } from './gateway/create-routable-provider.js';
import { createSecretRedactor } from './lib/redact-secrets.js';
import type { AttemptContext } from './routing/attempt-context.js';
import type { Outcome, OutcomeListener } from './routing/outcome.js';
import { createRouteResolver } from './routing/resolve-route.js';
import {
  runSequentialChat,
  runSequentialStream,
  type ChatSuccess,
  type StreamSuccess,
} from './routing/run-sequential.js';
import { createSimulator, type Simulator } from './simulator/index.js';
import type { ChatRequest } from './spec/chat-request.js';

/** Per-request facts the gateway needs from the ingress. */
export interface RequestContext {
  requestId: string;
  /** Aborted (with a CallerCancelledError) when the caller goes away. */
  signal: AbortSignal;
}

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
  chat(request: ChatRequest, context: RequestContext): Promise<ChatSuccess & { route: string }>;
  chatStream(request: ChatRequest, context: RequestContext): Promise<StreamSuccess & { route: string }>;
  listModels(): GatewayModel[];
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
  const providers = providerConfigs.map((provider) =>
    createRoutableProvider(provider, createProviderAdapter(provider, dispatcher)),
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

  function prepare(request: ChatRequest, context: RequestContext) {
    const route = resolver.resolve(request.model);
    const attemptContext: AttemptContext = {
      requestId: context.requestId,
      route: route.name,
      signal: context.signal,
      onOutcome: emitOutcome,
    };
    return { route, attemptContext, request: applyRequestDefaults(request, config) };
  }

  return {
    config,
    redact,
    providerNames: providerConfigs.map((provider) => provider.name),
    demoSimulatorUrl: simulator?.url,
    async chat(request, context) {
      const prepared = prepare(request, context);
      const result = await runSequentialChat(
        prepared.route.targets,
        prepared.request,
        prepared.attemptContext,
      );
      return { ...result, route: prepared.route.name };
    },
    async chatStream(request, context) {
      const prepared = prepare(request, context);
      const result = await runSequentialStream(
        prepared.route.targets,
        prepared.request,
        prepared.attemptContext,
      );
      return { ...result, route: prepared.route.name };
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
