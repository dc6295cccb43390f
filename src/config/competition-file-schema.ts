import { z } from 'zod';

/** The evaluators of src/competition, repeated here because config knows no runtime layer. */
export const competitionEvaluatorNames = ['fastest', 'judge', 'consensus'] as const;

/**
 * `competition:` in arbiter.yaml: who competes in `race` and `compete` when a request names nobody, how
 * the winner is chosen, and the judge. Durations are milliseconds, like the route options.
 */
export const competitionFileSchema = z.strictObject({
  /** Route names or `provider/model`s. */
  contenders: z.array(z.string().min(1)).min(1).optional(),
  evaluator: z.enum(competitionEvaluatorNames).optional(),
  /** How long contenders may take before they are cut off and reported as timed out. */
  deadlineMs: z.number().int().positive().max(600_000).optional(),
  judge: z
    .strictObject({
      /** The judge's route: any route name or `provider/model`. */
      model: z.string().min(1).optional(),
      /** What a good answer is; the default favours correctness, then completeness, then clarity. */
      rubric: z.string().min(1).optional(),
      deadlineMs: z.number().int().positive().max(600_000).optional(),
    })
    .optional(),
});

export type CompetitionFile = z.infer<typeof competitionFileSchema>;
