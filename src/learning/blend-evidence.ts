import type { LearningState, TimingSums } from './learning-state.js';

/** The decayed evidence a score is computed from: one target, as seen from one route. */
export interface Evidence {
  reliability: { successes: number; failures: number };
  quality: { positive: number; negative: number };
  latency: TimingSums;
  ttft: TimingSums;
  lastSuccessAt?: number;
  /** When the target was last tried, successfully or not (caller-caused failures aside). */
  lastAttemptAt?: number;
}

/**
 * How much the target's evidence from other routes (and seeds) counts on this route, per term. An outage
 * or a rate limit is the target's, whatever the route, so reliability evidence transfers fully. Timings
 * depend on prompt and answer sizes, which differ by route, so they count half. Quality is about the task
 * (a model good at chat may be poor at code), so it counts a quarter: a hint until the route has its own.
 */
export const otherRouteDiscounts = { reliability: 1, timing: 0.5, quality: 0.25 } as const;

/**
 * The evidence about a target on a route: the route's own state plus the discounted evidence the target
 * gathered elsewhere. Every outcome updates both the (target, route) and the (target, `*`) state with the
 * same decay, so `*` minus the route is exactly the evidence from everywhere else; both states must be
 * decayed to the same moment first. Pass the `*` state as `own` (and no `targetWide`) for the
 * target-wide view.
 */
export function blendEvidence(
  own: LearningState | undefined,
  targetWide: LearningState | undefined,
): Evidence {
  const evidence: Evidence = {
    reliability: { successes: own?.reliability.successes ?? 0, failures: own?.reliability.failures ?? 0 },
    quality: { positive: own?.quality.positive ?? 0, negative: own?.quality.negative ?? 0 },
    latency: { ...(own?.latency ?? emptyTiming) },
    ttft: { ...(own?.ttft ?? emptyTiming) },
    lastSuccessAt: latest(own?.lastSuccessAt, targetWide?.lastSuccessAt),
    lastAttemptAt: [own, targetWide].reduce<number | undefined>(
      (last, state) => latest(last, latest(state?.lastSuccessAt, state?.lastFailureAt)),
      undefined,
    ),
  };
  if (!targetWide) return evidence;
  const { reliability, timing, quality } = otherRouteDiscounts;
  evidence.reliability.successes +=
    reliability * rest(targetWide.reliability.successes, own?.reliability.successes);
  evidence.reliability.failures +=
    reliability * rest(targetWide.reliability.failures, own?.reliability.failures);
  evidence.quality.positive += quality * rest(targetWide.quality.positive, own?.quality.positive);
  evidence.quality.negative += quality * rest(targetWide.quality.negative, own?.quality.negative);
  addOtherTiming(evidence.latency, targetWide.latency, own?.latency, timing);
  addOtherTiming(evidence.ttft, targetWide.ttft, own?.ttft, timing);
  return evidence;
}

const emptyTiming: TimingSums = { weight: 0, sum: 0, sumOfLogs: 0, sumOfSquaredLogs: 0 };

/** What `total` holds beyond `part`; never negative (floating-point rounding can overshoot by a hair). */
function rest(total: number, part = 0): number {
  return Math.max(0, total - part);
}

function addOtherTiming(
  into: TimingSums,
  total: TimingSums,
  part: TimingSums | undefined,
  discount: number,
): void {
  const weight = total.weight - (part?.weight ?? 0);
  // Below a millionth of a measurement the difference is rounding, and its means would be noise.
  if (weight < 1e-6) return;
  into.weight += discount * weight;
  into.sum += discount * (total.sum - (part?.sum ?? 0));
  into.sumOfLogs += discount * (total.sumOfLogs - (part?.sumOfLogs ?? 0));
  into.sumOfSquaredLogs += discount * (total.sumOfSquaredLogs - (part?.sumOfSquaredLogs ?? 0));
}

function latest(left: number | undefined, right: number | undefined): number | undefined {
  if (left === undefined) return right;
  if (right === undefined) return left;
  return Math.max(left, right);
}
