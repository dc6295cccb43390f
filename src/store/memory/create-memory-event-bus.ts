import type { EventBus, EventListener } from '../event-bus.js';

/**
 * The event bus of a single process: delivery on the next tick (never inside `publish`, as over a
 * network), to every listener of the topic. What one instance needs when nothing is shared.
 */
export function createMemoryEventBus(): EventBus {
  const topics = new Map<string, Set<EventListener>>();
  return {
    async publish(topic, message) {
      const listeners = topics.get(topic);
      if (!listeners) return;
      for (const listener of [...listeners]) queueMicrotask(() => listener(message));
    },
    async subscribe(topic, listener) {
      // A wrapper per subscription, so subscribing one function twice gives two independent subscriptions.
      const entry: EventListener = (message) => listener(message);
      const listeners = topics.get(topic) ?? new Set<EventListener>();
      topics.set(topic, listeners);
      listeners.add(entry);
      return async () => {
        listeners.delete(entry);
      };
    },
    async close() {
      topics.clear();
    },
  };
}
