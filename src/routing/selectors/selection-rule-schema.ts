import { z } from 'zod';

const phraseSchema = z.string().trim().min(1, 'a phrase cannot be empty');

const regexSchema = z
  .string()
  .min(1, 'a pattern cannot be empty')
  .superRefine((pattern, context) => {
    try {
      new RegExp(pattern, 'i');
    } catch (error) {
      context.addIssue({
        code: 'custom',
        message: `not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  });

const ruleConditionSchema = z
  .strictObject({
    /** Any of these words or phrases, case-insensitive, as whole words where they start or end with one. */
    contains: z.array(phraseSchema).min(1, 'list at least one word or phrase').optional(),
    /** A regular expression, matched case-insensitively against the last user message. */
    matches: regexSchema.optional(),
    /** At least this many messages in the conversation. */
    minMessages: z.number().int().positive().optional(),
    /** At least this many input tokens. */
    minInputTokens: z.number().int().positive().optional(),
    /** The caller's plan is this one, or one of these. */
    plan: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
    /** Only streamed (true) or only non-streamed (false) requests. */
    isStream: z.boolean().optional(),
  })
  .refine((when) => Object.values(when).some((value) => value !== undefined), {
    // A misspelt condition is already reported; "needs a condition" on top would only confuse.
    when: (payload) => payload.issues.length === 0,
    message:
      'a rule needs at least one condition (contains, matches, minMessages, minInputTokens, plan, isStream); to change the default order, reorder the route’s targets',
  });

/**
 * One content rule: when every condition in `when` holds, the targets named in `prefer` go first, in that
 * order. `prefer` entries are target ids (`groq/llama-3.3-70b-versatile@groq#1`) or `provider/model`
 * patterns where `*` matches anything (`anthropic/*`, `groq/llama-*`).
 */
export const selectionRuleSchema = z.strictObject({
  when: ruleConditionSchema,
  prefer: z.array(z.string().min(1, 'a target pattern cannot be empty')).min(1, 'name at least one target'),
});

/**
 * The `rules` of a route, for the config loader: strict, so a misspelt condition is an error naming its
 * path (`[1].when.minMesages`) rather than a rule that silently always matches.
 */
export const selectionRulesSchema = z.array(selectionRuleSchema);

/** One validated rule. */
export type SelectionRule = z.infer<typeof selectionRuleSchema>;
/** The `when` of a rule: every condition given must hold. */
export type SelectionRuleCondition = z.infer<typeof ruleConditionSchema>;
