import { runEventBusContract } from '../contract/event-bus-contract.js';
import { createMemoryEventBus } from './create-memory-event-bus.js';

runEventBusContract(
  'memory',
  async () => {
    const bus = createMemoryEventBus();
    return { store: bus, close: () => bus.close() };
  },
  {
    skip: [
      {
        reason: 'a memory bus lives in one process; two buses are two gateways, not two instances of one',
        tests: ['messages cross instances of a shared backend'],
      },
    ],
  },
);
