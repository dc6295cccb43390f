import { z } from 'zod';

/**
 * `redis:` in arbiter.yaml (`REDIS_URL`, `REDIS_PREFIX`, `LIMITS_FAIL_MODE` win over it). Write the URL as
 * `${REDIS_URL}` rather than inline when it carries a password.
 */
export const redisFileSchema = z.strictObject({
  url: z.string().min(1).optional(),
  prefix: z.string().min(1).optional(),
  limitsFailMode: z.enum(['closed', 'open']).optional(),
});

/** `cache:` in arbiter.yaml (the `CACHE_*` variables win over it). */
export const cacheFileSchema = z.strictObject({
  enabled: z.boolean().optional(),
  ttlSeconds: z
    .number()
    .int()
    .min(1)
    .max(30 * 24 * 3600)
    .optional(),
  maxMb: z.number().min(0.1).max(65_536).optional(),
  sharedAcrossKeys: z.boolean().optional(),
});
