import type { EnvReader } from './env-reader.js';
import type { LearningFile } from './learning-file-schema.js';

/** The weights of the learned score's terms, scaled to sum 1. */
export interface LearnedScoreWeights {
  reliability: number;
  speed: number;
  quality: number;
  recency: number;
}

/** How the gateway learns from outcomes and feedback (DESIGN.md §5). */
export interface LearningConfig {
  /** `LEARNED_SCORE_WEIGHTS=0.4,0.3,0.2,0.1` (reliability, speed, quality, recency), scaled to sum 1. */
  weights: LearnedScoreWeights;
  /** Evidence loses half its weight in this time (`LEARNING_HALF_LIFE_MINUTES`, default 60). */
  halfLifeInMs: number;
  /** Share of requests whose first target is drawn at random (`LEARNING_EXPLORATION_FLOOR`, default 0). */
  explorationFloor: number;
  /** Changed statistics are saved this often (`LEARNING_SAVE_INTERVAL_SECONDS`, default 30). */
  saveIntervalInMs: number;
  /** `auto` orders its targets with the `learned` selector (`LEARNING_AUTO`, default false). */
  isAutoLearned: boolean;
}

const termNames = ['reliability', 'speed', 'quality', 'recency'] as const;

/**
 * The learning settings: the environment first, then `learning:` in the config file. Weights are
 * normalised rather than required to sum to 1, because "4,3,2,1" and "0.4,0.3,0.2,0.1" plainly mean the
 * same and rounding (0.33 × 3) should not be an error.
 */
export function readLearningConfig(reader: EnvReader, file: LearningFile = {}): LearningConfig {
  const weights = readWeights(reader) ??
    file.weights ?? { reliability: 0.4, speed: 0.3, quality: 0.2, recency: 0.1 };
  const total = termNames.reduce((sum, name) => sum + weights[name], 0);
  return {
    weights: {
      reliability: weights.reliability / total,
      speed: weights.speed / total,
      quality: weights.quality / total,
      recency: weights.recency / total,
    },
    halfLifeInMs:
      (reader.number(['LEARNING_HALF_LIFE_MINUTES'], { min: 0.01, max: 525_600 }) ??
        file.halfLifeMinutes ??
        60) * 60_000,
    explorationFloor:
      reader.number(['LEARNING_EXPLORATION_FLOOR'], { min: 0, max: 0.5 }) ?? file.explorationFloor ?? 0,
    saveIntervalInMs:
      (reader.number(['LEARNING_SAVE_INTERVAL_SECONDS'], { min: 1, max: 3600 }) ??
        file.saveIntervalSeconds ??
        30) * 1000,
    isAutoLearned: reader.boolean('LEARNING_AUTO') ?? file.auto ?? false,
  };
}

function readWeights(reader: EnvReader): LearnedScoreWeights | undefined {
  const text = reader.string('LEARNED_SCORE_WEIGHTS');
  if (text === undefined) return undefined;
  const values = text.split(',').map((part) => (part.trim() === '' ? Number.NaN : Number(part.trim())));
  const problem =
    values.length !== termNames.length
      ? `needs ${termNames.length} comma-separated numbers (${termNames.join(', ')})`
      : values.some((value) => !Number.isFinite(value) || value < 0)
        ? 'must be numbers of 0 or more'
        : values.every((value) => value === 0)
          ? 'needs at least one weight above 0'
          : undefined;
  if (problem) {
    reader.issues.push({ path: 'LEARNED_SCORE_WEIGHTS', message: `"${text}" ${problem}` });
    return undefined;
  }
  const [reliability, speed, quality, recency] = values as [number, number, number, number];
  return { reliability, speed, quality, recency };
}
