import type { AlertsConfig } from '../../config/read-alerts-config.js';
import type { BudgetUsage } from '../../security/create-admission-control.js';
import type { HealthEvent } from '../create-routing-health.js';
import { createAlertDispatcher } from './create-alert-dispatcher.js';
import { createBudgetAlerts } from './create-budget-alerts.js';
import { createProviderAlerts } from './create-provider-alerts.js';

export interface GatewayAlerts {
  onHealthEvent: (event: HealthEvent) => void;
  onBudgetUsage: (usage: BudgetUsage) => void;
  /** Waits (at most `timeoutInMs`) for alerts still being delivered, at shutdown. */
  close(timeoutInMs?: number): Promise<void>;
}

/**
 * The gateway's operator alerts: provider outages and recoveries, every key of a provider failing, and
 * budget thresholds, sent to the configured webhooks. Without any webhook configured it does nothing.
 */
export function startAlerts(options: {
  config: AlertsConfig;
  providerOf: (targetId: string) => string;
  credentialsOf: (provider: string) => readonly string[];
  onError: (error: unknown, message: string) => void;
}): GatewayAlerts {
  const { config } = options;
  if (config.sinks.length === 0)
    return { onHealthEvent: () => undefined, onBudgetUsage: () => undefined, close: async () => {} };
  const dispatcher = createAlertDispatcher({
    sinks: config.sinks,
    repeatAfterInMs: config.repeatAfterInMs,
    onError: options.onError,
  });
  const emit = (alert: Parameters<typeof dispatcher.emit>[0]): void => void dispatcher.emit(alert);
  return {
    onHealthEvent: createProviderAlerts({
      providerOf: options.providerOf,
      credentialsOf: options.credentialsOf,
      emit,
    }),
    onBudgetUsage: createBudgetAlerts({ thresholds: config.budgetThresholds, emit }),
    async close(timeoutInMs = 2000) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        dispatcher.flush(),
        new Promise((resolve) => {
          timer = setTimeout(resolve, timeoutInMs);
        }),
      ]);
      clearTimeout(timer);
    },
  };
}
