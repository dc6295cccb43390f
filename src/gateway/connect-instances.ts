import type { Outcome } from '../routing/outcome.js';
import type { EventBus } from '../store/event-bus.js';
import { shareOutcomes, type OutcomeSharing } from './share-outcomes.js';

const KEYS_TOPIC = 'gateway-keys';

export interface ConnectInstancesOptions {
  /** Undefined without Redis: then nothing is shared and every method does nothing. */
  bus?: EventBus;
  /** Another instance's attempt outcome (marked `isRemote`): routing health and learning take it. */
  onRemoteOutcome(outcome: Outcome): void;
  /**
   * A gateway key was revoked, rotated or changed on some instance (its hash), or a plan changed
   * (undefined): drop the cached lookups. Runs on every instance, the one that made the change included.
   */
  forgetKeys(hash: string | undefined): void;
  reportError: (error: unknown, message: string) => void;
}

/** This instance's side of the conversation between instances. */
export interface InstanceLink {
  /** An OutcomeListener for local outcomes: queued and published in batches. */
  share(outcome: Outcome): void;
  /** Tells every instance to forget a key's cached lookup (or all, for a plan change). */
  publishKeyChange(hash: string | undefined): void;
  /**
   * Publishes the outcomes still queued; call before the bus closes (which ends the subscriptions, even
   * while Redis is unreachable, where an UNSUBSCRIBE would wait for it).
   */
  flush(): Promise<void>;
}

/**
 * Connects this instance to the others over the event bus: attempt outcomes both ways (so a target
 * tripped on one instance is avoided by all, and learned statistics converge), and gateway-key changes
 * (so a revocation made through any instance is refused by every instance at once, not after the key
 * cache's TTL, which stays as the bound when a message is lost). Subscribing does not hold up start-up:
 * with Redis down, the subscriptions complete when it comes back, and until then nothing is shared.
 * Messages carry target ids, usage and key hashes (the store's lookup value) — never a key.
 * @example const link = connectInstances({ bus, onRemoteOutcome, forgetKeys, reportError }); gateway.onOutcome(link.share);
 */
export function connectInstances(options: ConnectInstancesOptions): InstanceLink {
  const { bus, reportError } = options;
  if (!bus)
    return { share: () => undefined, publishKeyChange: () => undefined, flush: async () => undefined };
  let sharing: OutcomeSharing | undefined;
  void shareOutcomes({ bus, onRemote: options.onRemoteOutcome, onError: reportError }).then(
    (started) => (sharing = started),
    (error: unknown) => reportError(error, 'sharing outcomes with other instances could not start'),
  );
  void bus
    .subscribe(KEYS_TOPIC, (message) => {
      try {
        const change = JSON.parse(message) as { hash?: unknown };
        options.forgetKeys(typeof change.hash === 'string' ? change.hash : undefined);
      } catch (error) {
        reportError(error, 'a gateway-key change from another instance was not valid JSON');
      }
    })
    .catch((error: unknown) => reportError(error, 'listening for gateway-key changes could not start'));

  return {
    share: (outcome) => sharing?.share(outcome),
    publishKeyChange(hash) {
      bus
        .publish(KEYS_TOPIC, JSON.stringify(hash === undefined ? {} : { hash }))
        .catch((error: unknown) =>
          reportError(
            error,
            'telling other instances about a gateway-key change failed; they notice within ARBITER_KEY_CACHE_TTL_MS',
          ),
        );
    },
    flush: async () => sharing?.flush(),
  };
}
