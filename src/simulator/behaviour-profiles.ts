/** How a simulated model fails or misbehaves, beyond plain timing. */
export type BehaviourMode = 'normal' | 'down' | 'rate-limited' | 'cut' | 'hang' | 'tools';

/** The programmable behaviour of one simulated model. All durations are before `timeScale`. */
export interface BehaviourProfile {
  /** Time from receiving the request to sending response headers. */
  latencyInMs: number;
  /** Streams: time from the headers to the first content token. Non-streams wait for it too. */
  ttftInMs: number;
  /** Generation speed after the first token. `0` means unlimited: every token is due at once. */
  tokensPerSecond: number;
  /** Relative spread (0..1) applied to the latency, the TTFT and the token rate of each request. */
  jitter: number;
  /** Share of requests (0..1) that fail with `errorStatus`, in a sequence fixed by the seed. */
  errorRate: number;
  /** HTTP status of the failures drawn by `errorRate`. */
  errorStatus: number;
  mode: BehaviourMode;
  /** `cut` mode: content chunks streamed before the socket is destroyed. */
  cutAfterChunks: number;
  /** `rate-limited` mode (and 429 failures): the `retry-after` value sent. */
  retryAfterSeconds: number;
}

export const behaviourModes: readonly BehaviourMode[] = [
  'normal',
  'down',
  'rate-limited',
  'cut',
  'hang',
  'tools',
];

const fast: BehaviourProfile = {
  latencyInMs: 50,
  ttftInMs: 30,
  tokensPerSecond: 200,
  jitter: 0.2,
  errorRate: 0,
  errorStatus: 500,
  mode: 'normal',
  cutAfterChunks: 3,
  retryAfterSeconds: 1,
};

/** The behaviours any client can pick by model name. */
export const builtInProfiles: Readonly<Record<string, BehaviourProfile>> = {
  'sim-fast': fast,
  'sim-instant': { ...fast, latencyInMs: 0, ttftInMs: 0, tokensPerSecond: 0, jitter: 0 },
  'sim-slow': { ...fast, latencyInMs: 200, ttftInMs: 1300, tokensPerSecond: 100, jitter: 0.1 },
  'sim-flaky': { ...fast, errorRate: 0.3 },
  'sim-down': { ...fast, latencyInMs: 20, mode: 'down' },
  'sim-429': { ...fast, latencyInMs: 10, mode: 'rate-limited' },
  'sim-cut': { ...fast, mode: 'cut' },
  'sim-hang': { ...fast, mode: 'hang' },
  'sim-tools': { ...fast, mode: 'tools' },
};

/** Models outside the `sim-` namespace stand in for real provider ids and behave like `sim-fast`. */
export const defaultProfileName = 'sim-fast';

/**
 * The profile a model name selects: a configured one, a built-in one, `sim-fast` for any real-looking
 * id, or undefined for an unknown `sim-*` name (which the wire answers as "model not found").
 */
export function getBehaviourProfile(
  model: string,
  profiles: ReadonlyMap<string, BehaviourProfile>,
): BehaviourProfile | undefined {
  const configured = profiles.get(model);
  if (configured !== undefined) return configured;
  if (model.startsWith('sim-')) return undefined;
  return profiles.get(defaultProfileName) ?? builtInProfiles[defaultProfileName];
}

/** Applies a partial profile over the current one for `model` (or over `sim-fast` for a new name). */
export function mergeBehaviourProfile(
  model: string,
  profiles: ReadonlyMap<string, BehaviourProfile>,
  change: Partial<BehaviourProfile>,
): BehaviourProfile {
  const base = profiles.get(model) ?? builtInProfiles[model] ?? builtInProfiles[defaultProfileName]!;
  return { ...base, ...change };
}
