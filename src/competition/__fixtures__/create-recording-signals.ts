import type { LearningSignals, QualitySource, SeedMeasurement } from '../../learning/learning-signals.js';

/** A LearningSignals that keeps every call, for asserting what a competition taught. */
export function createRecordingSignals() {
  const quality: Array<{ targetId: string; route: string; score: number; source: QualitySource }> = [];
  const competitions: Array<{ route: string; winnerTargetId?: string; contenderTargetIds: string[] }> = [];
  const seeds: Array<{ targetId: string; measurement: SeedMeasurement }> = [];
  const signals: LearningSignals = {
    recordQuality: (targetId, route, score, source) => quality.push({ targetId, route, score, source }),
    recordCompetition: (route, winnerTargetId, contenderTargetIds) =>
      competitions.push({ route, winnerTargetId, contenderTargetIds: [...contenderTargetIds] }),
    seed: (targetId, measurement) => seeds.push({ targetId, measurement }),
  };
  return { signals, quality, competitions, seeds };
}
