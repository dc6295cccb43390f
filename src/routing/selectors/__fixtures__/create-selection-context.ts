import type { ProviderAdapter } from '../../../spec/provider-adapter.js';
import { createTargetStats } from '../../health/target-stats.js';
import type { Outcome } from '../../outcome.js';
import type { Target } from '../../target.js';
import type { SelectionContext, SelectionRequest } from '../selector.js';

const unusedAdapter: ProviderAdapter = {
  provider: 'test',
  chat: () => Promise.reject(new Error('selectors never call adapters')),
  chatStream: () => Promise.reject(new Error('selectors never call adapters')),
};

/** A target from an id of the form `provider/model@credential`. */
export function createTestTarget(id: string): Target {
  const match = /^([^/]+)\/(.+)@(.+)$/.exec(id);
  if (!match) throw new Error(`test target ids look like provider/model@credential, got ${id}`);
  const [, provider, model, credentialId] = match as unknown as [string, string, string, string];
  return {
    id,
    provider,
    family: 'openai',
    model,
    credential: { id: credentialId },
    baseUrl: 'http://127.0.0.1:1',
    adapter: unusedAdapter,
    timeoutInMs: 1_000,
  };
}

/** Ids of an ordered list, to compare orders with literal arrays. */
export const idsOf = (targets: readonly Target[]): string[] => targets.map((target) => target.id);

/** Returns the given values in turn, so a weighted order can be predicted exactly. */
export function scriptedRandom(values: number[]): () => number {
  let index = 0;
  return () => {
    const value = values[index++];
    if (value === undefined) throw new Error('the scripted random ran out of values');
    return value;
  };
}

/** A small deterministic PRNG (mulberry32) for distribution tests. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A selection context with neutral defaults: fresh stats, weight 1, no prices, no known windows. */
export function createSelectionContext(
  overrides: Partial<Omit<SelectionContext, 'request'>> & { request?: Partial<SelectionRequest> } = {},
): SelectionContext {
  const { request, ...rest } = overrides;
  return {
    route: 'test-route',
    stats: createTargetStats(),
    random: () => 0,
    now: 1_000_000,
    getWeight: () => 1,
    getPrice: () => undefined,
    getContextWindow: () => undefined,
    ...rest,
    request: {
      isStream: false,
      messageCount: 1,
      estimatedInputTokens: 100,
      text: 'hello',
      ...request,
    },
  };
}

/** A successful non-streamed outcome of `targetId` unless `fields` say otherwise. */
export function createTestOutcome(targetId: string, fields: Partial<Outcome> = {}): Outcome {
  return {
    requestId: 'req_test',
    targetId,
    provider: 'test',
    model: 'test-model',
    credentialId: 'test#1',
    isStream: false,
    isSuccess: true,
    startedAt: 999_000,
    latencyInMs: 100,
    ...fields,
  };
}
