import { builtInProfiles, mergeBehaviourProfile, type BehaviourProfile } from './behaviour-profiles.js';
import type { RecordedRequest } from './recorded-request.js';
import type { RequestLifecycle } from './request-lifecycle.js';
import { createSeededRandom, hashSeed, type SeededRandom } from './seeded-random.js';

export interface SimulatorStats {
  /** Open sockets, idle keep-alive ones included. */
  openConnections: number;
  /** Requests still being answered: a client that aborted leaves none behind. */
  inFlightRequests: number;
  totalConnections: number;
  /** API requests (everything except `/_simulator/*`). */
  requests: number;
  /** Requests whose client went away before the answer was complete. */
  abortedRequests: number;
  /** Chat requests per `model` they named, whatever their outcome. */
  byModel: Record<string, number>;
}

/** Everything one simulator instance remembers between requests. */
export interface SimulatorState {
  readonly seed: number;
  readonly timeScale: number;
  /** `fp_` and 10 hex digits, fixed by the seed, as a real deployment's fingerprint is stable. */
  readonly systemFingerprint: string;
  readonly profiles: Map<string, BehaviourProfile>;
  readonly stats: SimulatorStats;
  readonly requests: RecordedRequest[];
  readonly openRequests: Set<RequestLifecycle>;
  /** The next request's random source for `model`: the n-th request to a model always draws the same. */
  nextRandom(model: string): SeededRandom;
  /** `req_` and 32 hex digits, like OpenAI's `x-request-id`: a per-seed prefix and a counter. */
  nextRequestId(): string;
  record(request: RecordedRequest): void;
  setProfile(model: string, change: Partial<BehaviourProfile>): void;
  reset(): void;
}

const recordedRequestLimit = 200;

export function createSimulatorState(
  seed: number,
  timeScale: number,
  overrides: Record<string, Partial<BehaviourProfile>>,
): SimulatorState {
  const profiles = new Map(Object.entries(builtInProfiles));
  const sequenceByModel = new Map<string, number>();
  let requestIdSequence = 0;
  const requestIdPrefix = `req_${createSeededRandom(hashSeed(seed, 'request-id')).hex(16)}`;
  const state: SimulatorState = {
    seed,
    timeScale,
    systemFingerprint: `fp_${createSeededRandom(hashSeed(seed, 'fingerprint')).hex(10)}`,
    profiles,
    stats: {
      openConnections: 0,
      inFlightRequests: 0,
      totalConnections: 0,
      requests: 0,
      abortedRequests: 0,
      byModel: {},
    },
    requests: [],
    openRequests: new Set(),
    nextRandom(model) {
      const sequence = sequenceByModel.get(model) ?? 0;
      sequenceByModel.set(model, sequence + 1);
      return createSeededRandom(hashSeed(seed, model, sequence));
    },
    nextRequestId() {
      return requestIdPrefix + (requestIdSequence++).toString(16).padStart(16, '0');
    },
    record(request) {
      state.requests.push(request);
      if (state.requests.length > recordedRequestLimit) state.requests.shift();
    },
    setProfile(model, change) {
      profiles.set(model, mergeBehaviourProfile(model, profiles, change));
    },
    reset() {
      state.requests.length = 0;
      state.stats.totalConnections = state.stats.openConnections;
      state.stats.requests = 0;
      state.stats.abortedRequests = 0;
      state.stats.byModel = {};
      sequenceByModel.clear();
      requestIdSequence = 0;
    },
  };
  for (const [model, change] of Object.entries(overrides)) state.setProfile(model, change);
  return state;
}
