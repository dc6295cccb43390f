import { z } from 'zod';

const weightSchema = z.number().min(0);

/**
 * `learning:` in arbiter.yaml. The four weights are all required when `weights` is given, so a
 * forgotten term is an error instead of a silent 0; they are scaled to sum 1 (4, 3, 2, 1 works too).
 */
export const learningFileSchema = z.strictObject({
  weights: z
    .strictObject({
      reliability: weightSchema,
      speed: weightSchema,
      quality: weightSchema,
      recency: weightSchema,
    })
    .refine(
      (weights) => weights.reliability + weights.speed + weights.quality + weights.recency > 0,
      'at least one weight must be above 0',
    )
    .optional(),
  halfLifeMinutes: z.number().positive().max(525_600).optional(),
  explorationFloor: z.number().min(0).max(0.5).optional(),
  saveIntervalSeconds: z.number().min(1).max(3600).optional(),
  /** Order `auto`'s targets with the learned selector. */
  auto: z.boolean().optional(),
});

/** `learning:` as the config file gives it. */
export type LearningFile = z.infer<typeof learningFileSchema>;
