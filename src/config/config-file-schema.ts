import { z } from 'zod';
import { competitionFileSchema } from './competition-file-schema.js';
import { learningFileSchema } from './learning-file-schema.js';
import { plansFileSchema } from './plans-file-schema.js';
import { cacheFileSchema, redisFileSchema } from './scaling-file-schema.js';

const providerNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'provider names are lowercase letters, digits and dashes (e.g. "my-vllm")');

const httpUrlSchema = z
  .string()
  .refine((value) => /^https?:\/\/[^\s]+$/.test(value), 'must be an http(s) URL')
  .transform((value) => value.replace(/\/+$/, ''));

const providerFileSchema = z.strictObject({
  family: z.enum(['openai', 'azure', 'anthropic', 'gemini', 'ollama', 'search']).optional(),
  baseUrl: httpUrlSchema.optional(),
  apiKey: z.string().min(1).optional(),
  apiKeys: z.array(z.string().min(1)).optional(),
  keys: z
    .array(z.strictObject({ key: z.string().min(1), weight: z.number().positive().optional() }))
    .optional(),
  defaultModel: z.string().min(1).optional(),
  models: z.array(z.string().min(1)).optional(),
  /** Seconds, like `P_TIMEOUT`. */
  timeout: z.number().positive().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  enabled: z.boolean().optional(),
  /** Client-side rate limits per key: a known tier (`groq-free`) and/or explicit numbers. */
  limits: z
    .strictObject({
      tier: z.string().min(1).optional(),
      requestsPerMinute: z.number().positive().optional(),
      tokensPerMinute: z.number().positive().optional(),
    })
    .optional(),
  /** Azure OpenAI only: `api-version`, or `v1` for the GA path. */
  apiVersion: z.string().min(1).optional(),
});

const routeTargetFileSchema = z.union([
  z.string().regex(/^[a-z0-9][a-z0-9-]*\/.+$/, 'a target is "provider/model"'),
  z.strictObject({
    provider: providerNameSchema,
    model: z.string().min(1),
    weight: z.number().positive().optional(),
  }),
]);

/** A route with options; durations are milliseconds (`timeoutMs`), like the policy they set. */
const routeOptionsFileSchema = z.strictObject({
  targets: z.array(routeTargetFileSchema).min(1),
  strategy: z.enum(['sequential', 'race', 'hedge', 'compete']).optional(),
  selector: z.string().min(1).optional(),
  rules: z.array(z.unknown()).optional(),
  hedgeDelayMs: z.union([z.number().int().min(0), z.literal('p90')]).optional(),
  hedgeBudget: z.number().min(0).max(1).optional(),
  maxRetries: z.number().int().min(0).max(10).optional(),
  retryDelayMs: z.number().int().min(0).optional(),
  timeoutMs: z.number().int().positive().optional(),
  ttftTimeoutMs: z.number().int().positive().optional(),
  continueOnFailure: z.boolean().optional(),
});

const routeFileSchema = z.union([
  routeTargetFileSchema,
  z.array(routeTargetFileSchema).min(1),
  routeOptionsFileSchema,
]);

/** USD per million tokens, as providers publish them; the context window in tokens. */
const priceFileSchema = z.strictObject({
  input: z.number().min(0),
  output: z.number().min(0),
  cachedInput: z.number().min(0).optional(),
  contextWindow: z.number().int().positive().optional(),
});

/**
 * The optional YAML file (`ARBITER_CONFIG`, default `./arbiter.yaml`). Strict: an unknown key is an error
 * naming it, because a typo in a config file should never be silently ignored.
 */
export const configFileSchema = z.strictObject({
  server: z
    .strictObject({
      host: z.string().min(1).optional(),
      port: z.number().int().min(0).max(65535).optional(),
      maxBodyBytes: z.number().int().positive().optional(),
      logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
    })
    .optional(),
  defaultProvider: providerNameSchema.optional(),
  defaults: z
    .strictObject({
      temperature: z.number().min(0).max(2).optional(),
      maxTokens: z.number().int().positive().optional(),
    })
    .optional(),
  providers: z.record(providerNameSchema, providerFileSchema).optional(),
  routes: z.record(z.string().min(1), routeFileSchema).optional(),
  /** Prices that override or extend the built-in catalog, by `provider/model`. */
  prices: z
    .record(z.string().regex(/^[a-z0-9][a-z0-9-]*\/.+$/, 'a price key is "provider/model"'), priceFileSchema)
    .optional(),
  /** Plans for gateway keys: changes to free, premium, enterprise, and custom plans. */
  plans: plansFileSchema.optional(),
  learning: learningFileSchema.optional(),
  competition: competitionFileSchema.optional(),
  redis: redisFileSchema.optional(),
  cache: cacheFileSchema.optional(),
});

export type ConfigFile = z.infer<typeof configFileSchema>;
export type ProviderFile = z.infer<typeof providerFileSchema>;
export type RouteFile = z.infer<typeof routeFileSchema>;
