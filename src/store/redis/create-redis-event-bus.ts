import type { Redis } from 'ioredis';
import type { EventBus, EventListener } from '../event-bus.js';

/**
 * Redis pub/sub between instances. A subscribed connection can do nothing else, so the bus opens its own
 * (a duplicate of `redis`) and keeps one Redis subscription per topic however many listeners it has.
 * Channel names carry the client's key prefix, so gateways sharing a Redis do not hear each other.
 * @example const bus = createRedisEventBus(redis); await bus.subscribe('outcomes', onBatch);
 */
export function createRedisEventBus(redis: Redis): EventBus {
  const prefix = redis.options.keyPrefix ?? '';
  // No command timeout: a SUBSCRIBE sent while the connection is still being made (start-up under load,
  // or Redis down) waits for it rather than failing, and ioredis subscribes again after a reconnect.
  const subscriber = redis.duplicate({ keyPrefix: '', enableOfflineQueue: true, commandTimeout: undefined });
  // Errors of the subscriber connection surface through the publishing client's health already.
  subscriber.on('error', () => undefined);
  const topics = new Map<string, Set<EventListener>>();
  subscriber.on('message', (channel: string, message: string) => {
    for (const listener of topics.get(channel.slice(prefix.length)) ?? []) listener(message);
  });

  return {
    async publish(topic, message) {
      await redis.publish(prefix + topic, message);
    },
    async subscribe(topic, listener) {
      const entry: EventListener = (message) => listener(message);
      let listeners = topics.get(topic);
      if (!listeners) {
        listeners = new Set();
        topics.set(topic, listeners);
        try {
          await subscriber.subscribe(prefix + topic);
        } catch (error) {
          // Not subscribed: a later call must try again rather than find the topic already there.
          if (topics.get(topic) === listeners) topics.delete(topic);
          throw error;
        }
      }
      listeners.add(entry);
      return async () => {
        listeners.delete(entry);
        if (listeners.size === 0 && topics.get(topic) === listeners) {
          topics.delete(topic);
          await subscriber.unsubscribe(prefix + topic);
        }
      };
    },
    async close() {
      topics.clear();
      subscriber.disconnect();
    },
  };
}
