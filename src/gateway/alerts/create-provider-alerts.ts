import type { HealthEvent } from '../create-routing-health.js';
import type { Alert } from './alert.js';

export interface ProviderAlertsOptions {
  /** The provider a target belongs to. */
  providerOf: (targetId: string) => string;
  /** Every key id a provider has, to tell when all of them failed. */
  credentialsOf: (provider: string) => readonly string[];
  emit: (alert: Alert) => void;
}

/**
 * Turns routing health events into provider alerts, on transitions only. A provider is offline when the
 * breaker of every target of it that has ever changed state is open or probing (one model of several
 * failing is not an outage), and recovered when one of them closes again; all of its keys failing is a
 * separate, critical alert because no breaker will ever close by itself.
 */
export function createProviderAlerts(options: ProviderAlertsOptions): (event: HealthEvent) => void {
  const circuits = new Map<string, Map<string, boolean>>();
  const offline = new Set<string>();
  const disabledKeys = new Map<string, Set<string>>();

  function onCircuit(event: Extract<HealthEvent, { type: 'circuit' }>): void {
    const provider = options.providerOf(event.targetId);
    const states = circuits.get(provider) ?? new Map<string, boolean>();
    circuits.set(provider, states);
    states.set(event.targetId, event.to === 'closed');
    const isOffline = [...states.values()].every((isClosed) => !isClosed);
    if (isOffline && !offline.has(provider)) {
      offline.add(provider);
      options.emit({
        kind: 'provider-offline',
        subject: provider,
        severity: 'critical',
        at: event.at,
        message: `provider ${provider} is offline: circuit breakers open on ${[...states.keys()].join(', ')} (${event.reason}); traffic goes to fallbacks`,
        details: { provider, target: event.targetId, reason: event.reason },
      });
    } else if (!isOffline && offline.has(provider)) {
      offline.delete(provider);
      options.emit({
        kind: 'provider-recovered',
        subject: provider,
        severity: 'info',
        at: event.at,
        message: `provider ${provider} recovered: ${event.targetId} answered again`,
        details: { provider, target: event.targetId },
      });
    }
  }

  function onKeyDisabled(event: Extract<HealthEvent, { type: 'key-disabled' }>): void {
    const disabled = disabledKeys.get(event.provider) ?? new Set<string>();
    disabledKeys.set(event.provider, disabled);
    disabled.add(event.credentialId);
    const all = options.credentialsOf(event.provider);
    if (all.length === 0 || !all.every((id) => disabled.has(id))) return;
    options.emit({
      kind: 'provider-keys-failed',
      subject: event.provider,
      severity: 'critical',
      at: event.at,
      message: `every key of provider ${event.provider} was rejected (${all.join(', ')}); replace them and restart or re-enable`,
      details: { provider: event.provider, keys: all.length },
    });
  }

  return (event) => {
    if (event.type === 'circuit') onCircuit(event);
    else onKeyDisabled(event);
  };
}
