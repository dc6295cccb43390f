import type { BudgetUsage } from '../../security/create-admission-control.js';
import type { Alert } from './alert.js';

/**
 * Turns budget usage into alerts: one per key, budget window and threshold crossed (80 % and 100 % by
 * default), however many requests cross it. Remembers the thresholds already reported in the current
 * window only, so memory stays bounded by the keys with budgets.
 */
export function createBudgetAlerts(options: {
  /** Ascending shares of the budget, e.g. [0.8, 1]. */
  thresholds: readonly number[];
  emit: (alert: Alert) => void;
}): (usage: BudgetUsage) => void {
  /** Per key and window kind: the window it is in and the highest threshold reported in it. */
  const reported = new Map<string, { windowStart: number; threshold: number }>();

  return (usage) => {
    const share = usage.limitInUsd > 0 ? usage.usedInUsd / usage.limitInUsd : 1;
    const crossed = options.thresholds.filter((threshold) => share >= threshold).at(-1);
    if (crossed === undefined) return;
    const name = `${usage.keyId} ${usage.window}`;
    const previous = reported.get(name);
    if (previous && previous.windowStart === usage.windowStart && previous.threshold >= crossed) return;
    reported.set(name, { windowStart: usage.windowStart, threshold: crossed });
    const percent = Math.round(crossed * 100);
    const whose = usage.owner === 'plan' ? `plan "${usage.plan}"'s per-key` : 'its own';
    options.emit({
      kind: 'budget-threshold',
      subject: `key:${usage.keyId}:${usage.window}:${usage.windowStart}:${percent}`,
      severity: crossed >= 1 ? 'critical' : 'warning',
      at: Date.now(),
      message:
        `key ${usage.keyId} has used ${percent >= 100 ? 'all' : `${percent} %`} of ${whose} ${usage.window === 'day' ? 'daily' : 'monthly'} ` +
        `budget ($${usage.usedInUsd.toFixed(2)} of $${usage.limitInUsd.toFixed(2)})`,
      details: {
        keyId: usage.keyId,
        plan: usage.plan,
        window: usage.window,
        usedUsd: usage.usedInUsd,
        limitUsd: usage.limitInUsd,
        threshold: crossed,
      },
    });
  };
}
