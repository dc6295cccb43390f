import type { ModelInfoLookup } from '../accounting/get-model-info.js';
import type { UsageRecorder } from '../accounting/usage-recorder.js';
import type { ArbiterConfig } from '../config/arbiter-config.js';
import type { CacheDirective, CacheStatus } from '../cache/cache-directive.js';
import type { CompetitionResult } from '../competition/competition-result.js';
import type { ContestOptions } from '../competition/contest-options.js';
import type { Learning } from '../learning/create-learning.js';
import type { ProviderKeyManager } from './create-provider-key-manager.js';
import type { Clock } from '../lib/clock.js';
import type { AttemptRecord } from '../routing/attempt-record.js';
import type { CommittedStream } from '../routing/attempt-stream.js';
import type { OutcomeListener } from '../routing/outcome.js';
import type { ResolvedRoute } from '../routing/resolve-route.js';
import type { RouteSuccess } from '../routing/route-success.js';
import type { SelectionRequest } from '../routing/selectors/selector.js';
import type { StreamCodec } from '../routing/stream-codec.js';
import type { Target } from '../routing/target.js';
import type { ChatRequest } from '../spec/chat-request.js';
import type { ChatResponse } from '../spec/chat-response.js';
import type { ChatStreamPart } from '../spec/chat-stream-part.js';
import type { Usage } from '../spec/usage.js';
import type { Stores } from '../store/stores.js';
import type { UsageRecord } from '../store/usage-store.js';
import type { LimitStore } from '../store/limit-store.js';
import type { Tenancy } from '../security/create-tenancy.js';
import type { HealthEvent, RoutingHealth } from './create-routing-health.js';
import type { RedisStatus } from './create-shared-state.js';

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
  /** `race` and `compete` routes: the caller's contenders, evaluator and deadline (body fields). */
  contest?: ContestOptions;
  /** The caller's plan (its gateway key's), for selector rules with `when: { plan }`. */
  plan?: string;
  /** `chat`/`chatStream` from an ingress: what the response cache may do (absent: not cached). */
  cache?: CacheDirective;
}

/**
 * What a route produced, which target produced it, and every attempt on the way; for a `compete` route
 * (whose answer is the winner's), the whole competition too.
 */
export type RouteResult<T> = RouteSuccess<T> & {
  route: string;
  competition?: CompetitionResult;
  /**
   * `hit`: answered from the response cache (no attempts; `target` produced the cached answer). `miss`:
   * it went upstream. Absent when the cache is off or did not apply.
   */
  cache?: CacheStatus;
};

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
   * Runs a chat request on every contender at once (those of `context.contest`, else of the route
   * `request.model` names, else the configured ones) and lets the evaluator pick the winner (`/compete`).
   * `chat` and `chatStream` do this themselves for `compete` routes.
   */
  compete(request: ChatRequest, context: RequestContext): Promise<CompetitionResult>;
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
  /** Subscribes to finished requests' usage records as each batch is built, off the request path. */
  onUsageRecords(listener: (records: readonly UsageRecord[]) => void): () => void;
  /**
   * The learning layer: per-target statistics and scores (`GET /performance`), and the LearningSignals
   * that `/feedback`, competition evaluators and the key tester feed. Saved on `close()`.
   */
  readonly learning: Learning;
  /** Provider keys added through the admin API: stored encrypted, in their provider's pool at once. */
  readonly providerKeys: ProviderKeyManager;
  /** Live routing health: target statistics, circuit breakers, key health. */
  readonly health: RoutingHealth;
  /** Gateway keys, plans, per-key limits and the admission queue (`/admin/keys`, the auth hook). */
  readonly tenancy: Tenancy;
  /** Redis (`REDIS_URL`) and the fail modes that apply while it is down, for `/ready`; undefined without it. */
  getRedisStatus(): RedisStatus | undefined;
  /** Subscribes to breaker changes and disabled keys; returns the unsubscribe function. */
  onHealthEvent(listener: (event: HealthEvent) => void): () => void;
  close(): Promise<void>;
}

export interface GatewayOptions {
  /** Stores to use instead of opening the configured backend; the caller closes them. */
  stores?: Stores;
  /** Drives the usage recorder's flush timer, limit windows and queue timeouts (tests). */
  clock?: Clock;
  /** Rate-limit and budget counters to share (Redis for many instances); default: in this process. */
  limitStore?: LimitStore;
  /** Told about failures off the request path (a usage batch that could not be written). */
  reportError?: (error: unknown, message: string) => void;
}
