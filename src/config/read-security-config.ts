import type { ConfigFile } from './config-file-schema.js';
import type { EnvReader } from './env-reader.js';
import type { PlanFile } from './plans-file-schema.js';
import type { ConfiguredApiKey, PlanConfig, SecurityConfig } from './security-config.js';

/** Short secrets are guessable; the error never repeats the value, only where it is. */
const minimumSecretLength = 16;

/**
 * The built-in plans of the original brief, with limits per key. `@cheap` keeps free keys on models whose
 * input price is at most `FREE_MAX_INPUT_PRICE`.
 */
function getBuiltInPlans(): Record<string, PlanConfig> {
  return {
    free: { requestsPerHour: 60, tokensPerDay: 100_000, allowedModels: ['@cheap'], priority: 0 },
    premium: { requestsPerHour: 1_000, tokensPerDay: 2_000_000, priority: 5 },
    enterprise: { requestsPerHour: 10_000, priority: 10 },
  };
}

/**
 * Gateway keys, plans and the admission queue: built-in plans, then `plans:` from the file, then
 * `FREE_|PREMIUM_|ENTERPRISE_REQUESTS_PER_HOUR` and `…_TOKENS_PER_DAY` from the environment (which wins,
 * as everywhere). `ARBITER_API_KEYS` is a comma list of `key` or `key:plan` (default plan `enterprise`:
 * keys an operator lists by hand are their own). Problems go to `reader.issues`, secrets never quoted.
 */
export function readSecurityConfig(
  reader: EnvReader,
  file: ConfigFile,
  defaultMaxTokens: number | undefined,
): SecurityConfig {
  const plans = getBuiltInPlans();
  for (const [name, planFile] of Object.entries(file.plans ?? {}))
    plans[name] = mergePlan(Object.hasOwn(plans, name) ? plans[name] : undefined, planFile);
  for (const name of ['free', 'premium', 'enterprise']) {
    const prefix = name.toUpperCase();
    const plan = plans[name]!;
    applyLimit(reader, `${prefix}_REQUESTS_PER_HOUR`, plan, 'requestsPerHour');
    applyLimit(reader, `${prefix}_TOKENS_PER_DAY`, plan, 'tokensPerDay');
  }
  const freeModels = reader.list('FREE_MODELS');
  if (freeModels.length > 0)
    plans.free!.allowedModels = [...(plans.free!.allowedModels ?? []), ...freeModels];

  const adminKey = reader.string('ARBITER_ADMIN_KEY');
  if (adminKey !== undefined && adminKey.length < minimumSecretLength)
    reader.issues.push({
      path: 'ARBITER_ADMIN_KEY',
      message: `is shorter than ${minimumSecretLength} characters; use a long random value (openssl rand -hex 24)`,
    });
  return {
    apiKeys: readApiKeys(reader, plans),
    adminKey,
    isPublicWithoutKeysAllowed: reader.boolean('ARBITER_ALLOW_PUBLIC_WITHOUT_KEYS') ?? false,
    plans,
    cheapModelMaxInputPrice: reader.number(['FREE_MAX_INPUT_PRICE'], { min: 0 }) ?? 0.5,
    maxConcurrentRequests:
      reader.number(['ARBITER_MAX_CONCURRENT_REQUESTS'], { min: 1, isInteger: true }) ?? 256,
    queueTimeoutInMs: reader.number(['ARBITER_QUEUE_TIMEOUT_MS'], { min: 0, isInteger: true }) ?? 10_000,
    keyCacheTtlInMs:
      reader.number(['ARBITER_KEY_CACHE_TTL_MS'], { min: 0, max: 60_000, isInteger: true }) ?? 1_000,
    defaultReservedOutputTokens: defaultMaxTokens ?? 1024,
  };
}

function mergePlan(base: PlanConfig | undefined, planFile: PlanFile): PlanConfig {
  const plan: PlanConfig = { ...(base ?? { priority: 0 }) };
  const limits = {
    requestsPerHour: planFile.requestsPerHour,
    tokensPerDay: planFile.tokensPerDay,
    budgetPerDayInUsd: planFile.budgetPerDayUsd,
    budgetPerMonthInUsd: planFile.budgetPerMonthUsd,
  };
  for (const [field, value] of Object.entries(limits) as Array<[keyof typeof limits, unknown]>) {
    if (value === 'unlimited') delete plan[field];
    else if (typeof value === 'number') plan[field] = value;
  }
  if (planFile.allowedModels !== undefined) plan.allowedModels = [...planFile.allowedModels];
  if (planFile.priority !== undefined) plan.priority = planFile.priority;
  return plan;
}

function applyLimit(
  reader: EnvReader,
  name: string,
  plan: PlanConfig,
  field: 'requestsPerHour' | 'tokensPerDay',
): void {
  if (reader.string(name)?.toLowerCase() === 'unlimited') {
    delete plan[field];
    return;
  }
  const value = reader.number([name], { min: 1, isInteger: true });
  if (value !== undefined) plan[field] = value;
}

function readApiKeys(reader: EnvReader, plans: Record<string, PlanConfig>): ConfiguredApiKey[] {
  const keys: ConfiguredApiKey[] = [];
  reader.list('ARBITER_API_KEYS').forEach((entry, index) => {
    const where = `ARBITER_API_KEYS (entry ${index + 1})`;
    const colon = entry.lastIndexOf(':');
    const planName = colon > 0 ? entry.slice(colon + 1) : 'enterprise';
    const key = colon > 0 ? entry.slice(0, colon) : entry;
    if (!Object.hasOwn(plans, planName)) {
      // Not quoted: when the key itself holds a colon, what follows it is part of a secret.
      const known = Object.keys(plans).join(', ');
      reader.issues.push({
        path: where,
        message: `what follows the last ":" is not a plan (plans: ${known})`,
      });
    } else if (key.length < minimumSecretLength) {
      reader.issues.push({
        path: where,
        message: `the key is shorter than ${minimumSecretLength} characters; use a long random value (openssl rand -hex 24)`,
      });
    } else if (keys.some((known) => known.key === key)) {
      reader.issues.push({ path: where, message: 'the same key is listed twice' });
    } else keys.push({ key, plan: planName });
  });
  return keys;
}
