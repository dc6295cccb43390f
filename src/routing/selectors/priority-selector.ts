import type { Selector } from './selector.js';

/** `priority`: the targets in the order the route lists them, the first one first. */
export function createPrioritySelector(): Selector {
  return {
    name: 'priority',
    order: (targets) => [...targets],
  };
}
