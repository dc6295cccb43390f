import { describe, expect, it } from 'vitest';
import type { Alert } from './alert.js';
import { createProviderAlerts } from './create-provider-alerts.js';

function setUp() {
  const alerts: Alert[] = [];
  const onEvent = createProviderAlerts({
    providerOf: (targetId) => targetId.split('/')[0] ?? targetId,
    credentialsOf: (provider) => (provider === 'groq' ? ['groq#1', 'groq#2'] : ['openai#1']),
    emit: (alert) => alerts.push(alert),
  });
  const circuit = (targetId: string, to: 'open' | 'closed' | 'half-open', at = 1000) =>
    onEvent({
      type: 'circuit',
      targetId,
      from: to === 'open' ? 'closed' : 'open',
      to,
      reason: 'consecutive-failures',
      at,
    });
  return { alerts, onEvent, circuit };
}

describe('createProviderAlerts', () => {
  it('alerts once when every broken target of a provider is open, and once when it recovers', () => {
    const { alerts, circuit } = setUp();
    circuit('groq/llama-8b', 'open');
    circuit('groq/llama-8b', 'half-open');
    circuit('groq/llama-8b', 'open');
    expect(alerts.map((alert) => alert.kind)).toEqual(['provider-offline']);
    expect(alerts[0]).toMatchObject({ subject: 'groq', severity: 'critical' });
    expect(alerts[0]?.message).toContain('groq/llama-8b');
    circuit('groq/llama-8b', 'closed', 5000);
    expect(alerts.map((alert) => alert.kind)).toEqual(['provider-offline', 'provider-recovered']);
    expect(alerts[1]?.at).toBe(5000);
  });

  it('does not call a provider offline while another of its targets still works', () => {
    const { alerts, circuit } = setUp();
    circuit('openai/gpt-4o', 'open');
    circuit('openai/gpt-4o', 'closed');
    circuit('openai/gpt-4o-mini', 'open');
    circuit('openai/gpt-4o', 'closed');
    // gpt-4o closed (after its first outage, which was an alert and a recovery), gpt-4o-mini open: not offline.
    expect(alerts.map((alert) => alert.kind)).toEqual(['provider-offline', 'provider-recovered']);
  });

  it('alerts when every key of a provider is rejected, not before', () => {
    const { alerts, onEvent } = setUp();
    onEvent({
      type: 'key-disabled',
      credentialId: 'groq#1',
      provider: 'groq',
      kind: 'auth',
      status: 401,
      at: 10,
    });
    expect(alerts).toEqual([]);
    onEvent({
      type: 'key-disabled',
      credentialId: 'groq#2',
      provider: 'groq',
      kind: 'auth',
      status: 401,
      at: 20,
    });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'provider-keys-failed', subject: 'groq', at: 20 });
    expect(alerts[0]?.message).toContain('groq#1, groq#2');
  });
});
