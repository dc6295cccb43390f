/** Receives one message of a topic. Must return at once; it runs on the connection's event. */
export type EventListener = (message: string) => void;

/**
 * Fire-and-forget messages between the instances of one gateway (Redis pub/sub), or within one process
 * (memory). At most once: a message published while an instance is disconnected is not replayed, so
 * users carry facts that the next message supersedes (outcome batches, revocations with a fallback TTL).
 */
export interface EventBus {
  /** Sends to every subscriber of `topic` on every instance, this one included. */
  publish(topic: string, message: string): Promise<void>;
  /** Subscribes; resolves once subscribed, with the function that unsubscribes. */
  subscribe(topic: string, listener: EventListener): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
