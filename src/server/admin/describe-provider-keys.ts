import type { KeyHealth, KeyState, KeyStatus } from '../../routing/health/key-health.js';

/** Worse first: a key cooling for one model is shown cooling. */
const severity: Readonly<Record<KeyState, number>> = { available: 0, cooling: 1, parked: 2, disabled: 3 };

/**
 * A provider's keys, by id only (never the key), with their health: the key's own state (auth and quota
 * concern the whole key), else the worst of its per-model rate-limit cooldowns (a 429 cools a key for one
 * model only), with when it is usable again and the upstream status that caused it.
 */
export function describeProviderKeys(
  keys: KeyHealth,
  credentials: ReadonlyMap<string, readonly string[]>,
  now: number,
) {
  return [...credentials].map(([credentialId, targetIds]) => {
    const statuses = [credentialId, ...targetIds].map((scope) => keys.describe(scope, now));
    const worst = statuses.reduce((chosen: KeyStatus, status) =>
      severity[status.state] > severity[chosen.state] ? status : chosen,
    );
    return {
      id: credentialId,
      state: worst.state,
      until: worst.until ?? null,
      status: worst.status ?? null,
    };
  });
}
