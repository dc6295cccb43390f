import { z } from 'zod';
import type { LearningState } from './learning-state.js';

const count = z.number().finite().min(0);
const timingSchema = z.object({
  weight: count,
  sum: count,
  sumOfLogs: z.number().finite(),
  sumOfSquaredLogs: count,
});
const meanSchema = z.object({ weight: count, sum: z.number().finite() });
const sampleSchema = z.array(z.number().finite().min(0)).max(1_000);

/** The stored form of a LearningState (version 1). Lenient about extra fields, strict about numbers. */
const learningStateSchema = z.object({
  version: z.literal(1),
  decayedAt: z.number().finite(),
  reliability: z.object({ successes: count, failures: count }),
  quality: z.object({ positive: count, negative: count }),
  latency: timingSchema,
  ttft: timingSchema,
  tokensPerSecond: meanSchema,
  costInUsd: meanSchema,
  lastSuccessAt: z.number().finite().optional(),
  lastFailureAt: z.number().finite().optional(),
  totals: z.object({
    attempts: count,
    successes: count,
    failures: count,
    promptTokens: count,
    completionTokens: count,
    costInUsd: count,
    qualitySignals: count,
    competitionWins: count,
    competitionEntries: count,
  }),
  samples: z.object({ latency: sampleSchema, ttft: sampleSchema }),
});

/**
 * A stored snapshot's state, checked: a row written by another version or damaged by hand is refused
 * (undefined) rather than allowed to put NaN into every score of its route.
 */
export function parseLearningState(value: unknown): LearningState | undefined {
  const result = learningStateSchema.safeParse(value);
  return result.success ? (result.data as LearningState) : undefined;
}
