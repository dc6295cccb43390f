import { computeCost } from '../accounting/compute-cost.js';
import type { ModelInfoLookup } from '../accounting/get-model-info.js';
import { systemClock, type Clock } from '../lib/clock.js';
import type { Outcome } from '../routing/outcome.js';
import type { LearnedStatsSnapshot } from '../store/learned-stats-store.js';
import { blendEvidence, type Evidence } from './blend-evidence.js';
import { getDecayFactor } from './get-decay-factor.js';
import type { LearningSignals, QualitySource } from './learning-signals.js';
import { createLearningState, decayLearningState, type LearningState } from './learning-state.js';
import { parseLearningState } from './parse-learning-state.js';
import type { Random } from './sample-distributions.js';
import { scoreCandidates, type CandidateScore } from './score-candidates.js';
import { defaultScoreWeights, normalizeScoreWeights, type ScoreWeights } from './score-weights.js';
import { buildTargetPerformance, type TargetPerformance } from './target-performance.js';
import {
  applyCompetition,
  applyOutcome,
  applyQuality,
  applySeed,
  withdrawQuality,
} from './update-learning-state.js';

/** The route name of a target's statistics across every route. */
export const everyRoute = '*';

/** The clock, half-life, weights and price table the learning layer works with. */
export interface LearningOptions {
  clock?: Clock;
  /** Evidence loses half its weight in this time. Default 60 minutes (`LEARNING_HALF_LIFE_MINUTES`). */
  halfLifeInMs?: number;
  /** Normalised to sum 1. Default 0.4, 0.3, 0.2, 0.1. */
  weights?: ScoreWeights;
  /** Prices each outcome's usage; without it (or for unknown models) costs are not learned. */
  getModelInfo?: ModelInfoLookup;
  /**
   * (target, route) states kept at most; past it the least recently updated is forgotten. Model ids in
   * `provider/model` are the caller's choice, so the map is capped like the routing statistics. Default
   * 10,000.
   */
  maxStates?: number;
  /** Told after every change (the saver schedules a save); must return at once. */
  onChange?: () => void;
}

/** The learning layer: statistics fed by outcomes and signals, scores, reports and snapshots. */
export interface Learning extends LearningSignals {
  readonly halfLifeInMs: number;
  readonly weights: ScoreWeights;
  /** An OutcomeListener: returns at once, no I/O. */
  observe(outcome: Outcome): void;
  /** A route's candidates, scored: Thompson samples when `random` is given, posterior means otherwise. */
  score(
    route: string,
    targetIds: readonly string[],
    options: { isStream: boolean; random?: Random },
  ): CandidateScore[];
  /** Takes back a quality score recorded at `recordedAt` (Unix ms), as it has decayed since. */
  withdrawQuality(
    targetId: string,
    route: string,
    score: number,
    source: QualitySource,
    recordedAt: number,
  ): void;
  /** Rows for `route` (default `*`, target-wide) over `targetIds` (default: every target seen). */
  report(options?: {
    route?: string;
    targetIds?: readonly string[];
    isStream?: boolean;
  }): TargetPerformance[];
  /** Replaces the statistics with stored snapshots; returns how many were refused as unreadable. */
  load(snapshots: readonly LearnedStatsSnapshot[]): { loaded: number; refused: number };
  /** Snapshots of every state changed since the last call (copies); they count as saved. */
  takeChangedSnapshots(): LearnedStatsSnapshot[];
  /** Marks states changed again, after their snapshots could not be saved. */
  markChanged(snapshots: readonly LearnedStatsSnapshot[]): void;
}

interface Entry {
  targetId: string;
  route: string;
  state: LearningState;
  isChanged: boolean;
  changedAt: number;
}

/**
 * Per (target, route) and per target (`*`) decayed statistics, as DESIGN.md §5 describes. Every update
 * first decays the state it touches to now, so the half-life applies by elapsed time without a timer.
 * A `provider/model` route keeps no state of its own: its one target's `*` state already is it.
 *
 * @example
 * const learning = createLearning({ halfLifeInMs: 3_600_000, getModelInfo });
 * gateway.onOutcome(learning.observe);
 * learning.score('smart', targetIds, { isStream: false, random: Math.random });
 */
export function createLearning(options: LearningOptions = {}): Learning {
  const clock = options.clock ?? systemClock;
  const halfLifeInMs = options.halfLifeInMs ?? 60 * 60_000;
  const weights = normalizeScoreWeights(options.weights ?? defaultScoreWeights);
  const maxStates = options.maxStates ?? 10_000;
  const entries = new Map<string, Entry>();
  const keyOf = (targetId: string, route: string) => `${route}\u0000${targetId}`;
  const hasOwnState = (targetId: string, route: string) =>
    route !== everyRoute && !targetId.startsWith(`${route}@`);

  function update(targetId: string, route: string, change: (state: LearningState, now: number) => void) {
    const now = clock.now();
    const key = keyOf(targetId, route);
    let entry = entries.get(key);
    // Delete and set again: the map stays in least-recently-updated order for the cap.
    if (entry) entries.delete(key);
    else entry = { targetId, route, state: createLearningState(now), isChanged: true, changedAt: now };
    entries.set(key, entry);
    if (entries.size > maxStates) entries.delete(entries.keys().next().value!);
    decayLearningState(entry.state, now, halfLifeInMs);
    change(entry.state, now);
    entry.isChanged = true;
    entry.changedAt = now;
    options.onChange?.();
  }

  function updateBoth(targetId: string, route: string, change: (state: LearningState, now: number) => void) {
    update(targetId, everyRoute, change);
    if (hasOwnState(targetId, route)) update(targetId, route, change);
  }

  function stateOf(targetId: string, route: string, now: number): LearningState | undefined {
    const state = entries.get(keyOf(targetId, route))?.state;
    // Decaying on read changes nothing a snapshot needs: decay composes, so it is not a change to save.
    if (state) decayLearningState(state, now, halfLifeInMs);
    return state;
  }

  function evidenceOf(targetId: string, route: string, now: number): Evidence {
    const targetWide = stateOf(targetId, everyRoute, now);
    if (!hasOwnState(targetId, route)) return blendEvidence(targetWide, undefined);
    return blendEvidence(stateOf(targetId, route, now), targetWide);
  }

  function costOf(outcome: Outcome): number | undefined {
    if (!outcome.usage || !options.getModelInfo) return undefined;
    const info = options.getModelInfo(outcome.provider, outcome.model);
    return info.isKnown ? computeCost(outcome.usage, info) : undefined;
  }

  function score(route: string, targetIds: readonly string[], isStream: boolean, random?: Random) {
    const now = clock.now();
    const candidates = targetIds.map((targetId) => ({
      targetId,
      evidence: evidenceOf(targetId, route, now),
    }));
    return scoreCandidates(candidates, { weights, isStream, now, halfLifeInMs, random });
  }

  return {
    halfLifeInMs,
    weights,
    observe(outcome) {
      const cost = costOf(outcome);
      updateBoth(outcome.targetId, outcome.route ?? everyRoute, (state, now) =>
        applyOutcome(state, outcome, cost, now),
      );
    },
    recordQuality(targetId, route, value, source) {
      if (!(value >= 0 && value <= 1)) throw new RangeError(`a quality score is in 0..1, got ${value}`);
      updateBoth(targetId, route, (state) => applyQuality(state, value, source));
    },
    withdrawQuality(targetId, route, value, source, recordedAt) {
      const factor = getDecayFactor(clock.now() - recordedAt, halfLifeInMs);
      updateBoth(targetId, route, (state) => withdrawQuality(state, value, source, factor));
    },
    recordCompetition(route, winnerTargetId, contenderTargetIds) {
      for (const targetId of new Set(contenderTargetIds))
        updateBoth(targetId, route, (state) => applyCompetition(state, targetId === winnerTargetId));
    },
    seed(targetId, measurement) {
      update(targetId, everyRoute, (state, now) => applySeed(state, measurement, now));
    },
    score: (route, targetIds, scoreOptions) =>
      score(route, targetIds, scoreOptions.isStream, scoreOptions.random),
    report(reportOptions = {}) {
      const route = reportOptions.route ?? everyRoute;
      const targetIds =
        reportOptions.targetIds ??
        [...entries.values()].filter((entry) => entry.route === everyRoute).map((entry) => entry.targetId);
      const now = clock.now();
      return score(route, targetIds, reportOptions.isStream ?? false).map((scored) =>
        buildTargetPerformance(
          route,
          stateOf(scored.targetId, hasOwnState(scored.targetId, route) ? route : everyRoute, now),
          scored,
        ),
      );
    },
    load(snapshots) {
      entries.clear();
      let refused = 0;
      // Oldest first, so past the cap the most recently updated states are the ones kept.
      for (const snapshot of [...snapshots].sort((left, right) => left.updatedAt - right.updatedAt)) {
        const state = parseLearningState(snapshot.state);
        if (!state) {
          refused += 1;
          continue;
        }
        const { targetId, route, updatedAt } = snapshot;
        entries.set(keyOf(targetId, route), {
          targetId,
          route,
          state,
          isChanged: false,
          changedAt: updatedAt,
        });
        if (entries.size > maxStates) entries.delete(entries.keys().next().value!);
      }
      return { loaded: snapshots.length - refused, refused };
    },
    takeChangedSnapshots() {
      const snapshots: LearnedStatsSnapshot[] = [];
      for (const entry of entries.values()) {
        if (!entry.isChanged) continue;
        entry.isChanged = false;
        snapshots.push({
          targetId: entry.targetId,
          route: entry.route,
          state: structuredClone(entry.state) as unknown as Record<string, unknown>,
          updatedAt: entry.changedAt,
        });
      }
      return snapshots;
    },
    markChanged(snapshots) {
      for (const snapshot of snapshots) {
        const entry = entries.get(keyOf(snapshot.targetId, snapshot.route));
        if (entry) entry.isChanged = true;
      }
    },
  };
}
