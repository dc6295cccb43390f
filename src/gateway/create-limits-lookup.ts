import type { ProviderConfig } from '../config/arbiter-config.js';
import { ConfigError, type ConfigIssue } from '../config/config-error.js';
import { resolveRateLimits, type RateLimits } from '../routing/health/rate-limit-tiers.js';

/**
 * The client-side limits of each target, from its provider's `limits` (a known tier and/or numbers). A
 * provider's limits apply per key (scope = the credential id), since providers count per key or account.
 * Unknown tier names stop start-up with their place and the known names.
 */
export function createLimitsLookup(
  providers: readonly ProviderConfig[],
): (targetId: string) => RateLimits | undefined {
  const issues: ConfigIssue[] = [];
  const byProvider = new Map<string, RateLimits>();
  for (const provider of providers) {
    if (!provider.limits) continue;
    try {
      const limits = resolveRateLimits(provider.limits);
      if (limits) byProvider.set(provider.name, limits);
    } catch (error) {
      issues.push({
        path: `providers.${provider.name}.limits.tier`,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  if (issues.length > 0) throw new ConfigError('the config file', issues);
  return (targetId) => {
    const slash = targetId.indexOf('/');
    const limits = byProvider.get(targetId.slice(0, slash));
    if (!limits) return undefined;
    return { ...limits, scope: targetId.slice(targetId.lastIndexOf('@') + 1) };
  };
}
