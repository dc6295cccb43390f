import { describe, expect, it } from 'vitest';
import type { BudgetUsage } from '../../security/create-admission-control.js';
import type { Alert } from './alert.js';
import { createBudgetAlerts } from './create-budget-alerts.js';

const usage = (usedInUsd: number, windowStart = 0): BudgetUsage => ({
  keyId: 'key_1',
  plan: 'free',
  owner: 'key',
  window: 'day',
  windowStart,
  usedInUsd,
  limitInUsd: 10,
});

describe('createBudgetAlerts', () => {
  it('alerts once per threshold and window, and again in the next window', () => {
    const alerts: Alert[] = [];
    const onUsage = createBudgetAlerts({ thresholds: [0.8, 1], emit: (alert) => alerts.push(alert) });
    for (const used of [1, 7.9, 8, 8.5, 9.9, 10, 10]) onUsage(usage(used));
    expect(alerts.map((alert) => [alert.severity, alert.details?.threshold])).toEqual([
      ['warning', 0.8],
      ['critical', 1],
    ]);
    expect(alerts[0]!.message).toBe('key key_1 has used 80 % of its own daily budget ($8.00 of $10.00)');
    onUsage(usage(8, 86_400_000));
    expect(alerts).toHaveLength(3);
    expect(alerts[2]!.subject).not.toBe(alerts[0]!.subject);
  });

  it('reports a jump past both thresholds as the higher one only', () => {
    const alerts: Alert[] = [];
    createBudgetAlerts({ thresholds: [0.8, 1], emit: (alert) => alerts.push(alert) })(usage(12));
    expect(alerts.map((alert) => alert.details?.threshold)).toEqual([1]);
  });
});
