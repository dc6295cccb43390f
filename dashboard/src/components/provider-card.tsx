import type { ProviderHealth, ProviderKey, ProviderTarget } from '../api/admin-api-types';
import { formatRelativeTime } from '../lib/format-values';
import { StatusBadge, statusTones } from './status-badge';
import { TargetDetails } from './target-details';

export interface ProviderCardProps {
  provider: ProviderHealth;
  now: number;
}

/** A provider: its status, its key pool as chips (ids only, never keys) and a section per target. */
export function ProviderCard({ provider, now }: ProviderCardProps) {
  const headingId = `provider-${provider.provider}`;
  // A provider knows every model of the price table; the ones nobody called yet fold away.
  const active = provider.targets.filter(hasTraffic);
  const idle = provider.targets.filter((target) => !hasTraffic(target));
  return (
    <section class="card provider" aria-labelledby={headingId}>
      <header class="provider-heading">
        <h2 id={headingId}>{provider.provider}</h2>
        <StatusBadge tone={statusTones[provider.status]}>{provider.status}</StatusBadge>
        {provider.configured ? null : <StatusBadge>not configured</StatusBadge>}
      </header>
      <div class="key-pool">
        <h3 class="key-pool-title">Key pool</h3>
        {provider.keys.length === 0 ? (
          <p class="muted">No keys.</p>
        ) : (
          <ul class="chips">
            {provider.keys.map((key) => (
              <li key={key.id}>
                <StatusBadge tone={statusTones[key.state]} detail={describeKey(key, now)}>
                  {key.id}: {key.state}
                </StatusBadge>
              </li>
            ))}
          </ul>
        )}
      </div>
      {provider.targets.length === 0 ? <p class="muted">No targets seen yet.</p> : null}
      {active.map((target) => (
        <TargetDetails key={target.target} target={target} now={now} />
      ))}
      {idle.length > 0 ? (
        <details class="idle-targets">
          <summary>
            {idle.length} {idle.length === 1 ? 'target' : 'targets'} without traffic yet
          </summary>
          {idle.map((target) => (
            <TargetDetails key={target.target} target={target} now={now} />
          ))}
        </details>
      ) : null}
    </section>
  );
}

function describeKey(key: ProviderKey, now: number): string | undefined {
  const parts: string[] = [];
  if (key.until !== null && key.until > now) parts.push(`back ${formatRelativeTime(key.until, now)}`);
  if (key.status !== null) parts.push(`last status ${key.status}`);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** Called, being called, tripped or learned about: worth showing unfolded. */
function hasTraffic(target: ProviderTarget): boolean {
  return (
    target.successes + target.failures + target.in_flight > 0 ||
    target.circuit.state !== 'closed' ||
    target.learned.evidence > 0
  );
}
