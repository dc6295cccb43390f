import { describe, expect, it } from 'vitest';
import { createOutcome } from './__fixtures__/create-learning-fixtures.js';
import { blendEvidence, otherRouteDiscounts } from './blend-evidence.js';
import { createLearningState, type LearningState } from './learning-state.js';
import { applyOutcome, applyQuality } from './update-learning-state.js';

const target = 'groq/llama@groq#1';

/** The (target, route) and (target, `*`) states as the learning layer keeps them: `*` sees everything. */
function states(): { route: LearningState; everyRoute: LearningState } {
  return { route: createLearningState(0), everyRoute: createLearningState(0) };
}

describe('blendEvidence', () => {
  it("counts the route's own evidence fully and the target's evidence elsewhere at a discount", () => {
    const { route, everyRoute } = states();
    // On this route: 2 successes at 100 ms and a quality of 1.
    for (const state of [route, everyRoute]) {
      applyOutcome(state, createOutcome(target, { latencyInMs: 100 }), undefined, 1);
      applyOutcome(state, createOutcome(target, { latencyInMs: 100 }), undefined, 2);
      applyQuality(state, 1, 'user');
    }
    // Elsewhere: 4 failures, 2 successes at 1000 ms and a quality of 0.
    for (let index = 0; index < 4; index++)
      applyOutcome(everyRoute, createOutcome(target, { isSuccess: false }), undefined, 3);
    for (let index = 0; index < 2; index++)
      applyOutcome(everyRoute, createOutcome(target, { latencyInMs: 1_000 }), undefined, 4);
    applyQuality(everyRoute, 0, 'user');

    const evidence = blendEvidence(route, everyRoute);
    expect(evidence.reliability).toEqual({ successes: 2 + 2, failures: 4 });
    expect(evidence.quality.positive).toBeCloseTo(1, 12);
    expect(evidence.quality.negative).toBeCloseTo(otherRouteDiscounts.quality, 12);
    expect(evidence.latency.weight).toBeCloseTo(2 + 2 * otherRouteDiscounts.timing, 12);
    expect(evidence.latency.sum).toBeCloseTo(200 + 2_000 * otherRouteDiscounts.timing, 9);
    expect(evidence.lastSuccessAt).toBe(4);
    expect(evidence.lastAttemptAt).toBe(4);
  });

  it('without a route state, the target-wide evidence at its discounts is all there is', () => {
    const { everyRoute } = states();
    applyOutcome(everyRoute, createOutcome(target, { latencyInMs: 100 }), undefined, 1);
    const evidence = blendEvidence(undefined, everyRoute);
    expect(evidence.reliability).toEqual({ successes: 1, failures: 0 });
    expect(evidence.latency.weight).toBeCloseTo(otherRouteDiscounts.timing, 12);
  });

  it('the target-wide view is the `*` state itself, and nothing at all is empty evidence', () => {
    const { everyRoute } = states();
    applyOutcome(everyRoute, createOutcome(target, { isSuccess: false }), undefined, 7);
    expect(blendEvidence(everyRoute, undefined)).toMatchObject({
      reliability: { successes: 0, failures: 1 },
      lastAttemptAt: 7,
    });
    expect(blendEvidence(undefined, undefined)).toEqual({
      reliability: { successes: 0, failures: 0 },
      quality: { positive: 0, negative: 0 },
      latency: { weight: 0, sum: 0, sumOfLogs: 0, sumOfSquaredLogs: 0 },
      ttft: { weight: 0, sum: 0, sumOfLogs: 0, sumOfSquaredLogs: 0 },
      lastSuccessAt: undefined,
      lastAttemptAt: undefined,
    });
  });

  it('ignores a difference that is only floating-point rounding', () => {
    const { route, everyRoute } = states();
    for (const state of [route, everyRoute])
      applyOutcome(state, createOutcome(target, { latencyInMs: 300 }), undefined, 1);
    everyRoute.latency.weight += 1e-9;
    everyRoute.reliability.successes -= 1e-12;
    const evidence = blendEvidence(route, everyRoute);
    expect(evidence.latency).toEqual(route.latency);
    expect(evidence.reliability.successes).toBe(1);
  });
});
