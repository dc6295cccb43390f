import { z } from 'zod';

/** A limit in the file: a positive whole number, or `unlimited` to lift a built-in plan's default. */
const limitSchema = z.union([z.number().int().positive(), z.literal('unlimited')]);
const budgetSchema = z.union([z.number().min(0), z.literal('unlimited')]);

/** One plan under `plans:`; for a built-in plan (free, premium, enterprise) only what it changes. */
export const planFileSchema = z.strictObject({
  requestsPerHour: limitSchema.optional(),
  tokensPerDay: limitSchema.optional(),
  budgetPerDayUsd: budgetSchema.optional(),
  budgetPerMonthUsd: budgetSchema.optional(),
  /** Route names or `provider/model` patterns with `*`, and `@cheap`; `['*']` is every model. */
  allowedModels: z.array(z.string().min(1)).optional(),
  priority: z.number().int().min(0).max(1000).optional(),
  /** Prompt-injection guardrail for this plan's keys (`GUARDRAIL_PROMPT_INJECTION` otherwise). */
  promptInjection: z.enum(['off', 'flag', 'block']).optional(),
});

/** `plans:` in arbiter.yaml, by plan name (checked here, as a record key's own error says nothing useful). */
export const plansFileSchema = z.record(z.string(), planFileSchema).superRefine((plans, context) => {
  for (const name of Object.keys(plans)) {
    if (!/^[a-z0-9][a-z0-9_-]*$/.test(name))
      context.addIssue({
        code: 'custom',
        path: [name],
        message: 'plan names are lowercase letters, digits, "-" and "_"',
      });
  }
});

export type PlanFile = z.infer<typeof planFileSchema>;
