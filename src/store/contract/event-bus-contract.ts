import { describe, expect } from 'vitest';
import type { EventBus } from '../event-bus.js';
import type { CreateStoreUnderTest, StoreContractOptions } from './store-contract.js';
import { useStoreContract } from './store-contract.js';

/** Resolves when `count` messages arrived, or rejects after a second. */
function collect(count: number) {
  const messages: string[] = [];
  let done: () => void = () => undefined;
  const arrived = new Promise<void>((resolve, reject) => {
    done = resolve;
    setTimeout(() => reject(new Error(`only ${messages.length} of ${count} messages arrived`)), 1000);
  });
  return {
    messages,
    arrived,
    listener: (message: string) => {
      messages.push(message);
      if (messages.length >= count) done();
    },
  };
}

/**
 * The `EventBus` contract. The last test opens two buses as two instances would: a backend that is not
 * shared between processes (memory) declares it skipped.
 */
export function runEventBusContract(
  name: string,
  create: CreateStoreUnderTest<EventBus>,
  options: StoreContractOptions = {},
): void {
  describe(`EventBus contract: ${name}`, () => {
    const { open, test } = useStoreContract(create, options);

    test('delivers a message to every listener of its topic, in order, and not to other topics', async () => {
      const bus = await open();
      const first = collect(2);
      const second = collect(2);
      const other = collect(1);
      await bus.subscribe('outcomes', first.listener);
      await bus.subscribe('outcomes', second.listener);
      await bus.subscribe('revocations', other.listener);
      await bus.publish('outcomes', 'one ☀');
      await bus.publish('outcomes', 'two');
      await Promise.all([first.arrived, second.arrived]);
      expect(first.messages).toEqual(['one ☀', 'two']);
      expect(second.messages).toEqual(['one ☀', 'two']);
      expect(other.messages).toEqual([]);
    });

    test('an unsubscribed listener hears nothing more', async () => {
      const bus = await open();
      const kept = collect(1);
      const dropped = collect(1);
      await bus.subscribe('t', kept.listener);
      const unsubscribe = await bus.subscribe('t', dropped.listener);
      await unsubscribe();
      await bus.publish('t', 'after');
      await kept.arrived;
      expect(dropped.messages).toEqual([]);
    });

    test('messages cross instances of a shared backend', async () => {
      const [a, b] = [await open(), await open()];
      const heard = collect(1);
      await b.subscribe('t', heard.listener);
      await a.publish('t', 'from a');
      await heard.arrived;
      expect(heard.messages).toEqual(['from a']);
    });
  });
}
