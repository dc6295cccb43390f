import { createCostSelector } from './cost-selector.js';
import { createLeastBusySelector } from './least-busy-selector.js';
import { createLeastLatencySelector } from './least-latency-selector.js';
import { createPrioritySelector } from './priority-selector.js';
import { createRoundRobinSelector } from './round-robin-selector.js';
import { createRulesSelector } from './rules-selector.js';
import type { SelectionRule } from './selection-rule-schema.js';
import type { Selector } from './selector.js';
import { createWeightedSelector } from './weighted-selector.js';

/** What a route's config may pass to its selector. */
export interface SelectorOptions {
  /** For `rules`: the route's rules, already checked with `selectionRulesSchema`. */
  rules?: readonly SelectionRule[];
}

/** Makes a new selector instance (one per route, so per-route state stays apart). */
export type SelectorFactory = (options: SelectorOptions) => Selector;

/** The selectors Arbiter ships with. */
export const builtInSelectors = {
  priority: () => createPrioritySelector(),
  weighted: () => createWeightedSelector(),
  'round-robin': () => createRoundRobinSelector(),
  'least-latency': () => createLeastLatencySelector(),
  'least-busy': () => createLeastBusySelector(),
  cost: () => createCostSelector(),
  rules: (options) => {
    if (!options.rules) throw new Error('the "rules" selector needs a list of rules (`rules:` in the route)');
    return createRulesSelector({ rules: options.rules });
  },
} as const satisfies Record<string, SelectorFactory>;

/** The names a route may configure. */
export interface SelectorRegistry {
  names(): string[];
  has(name: string): boolean;
  /** A new selector; throws, listing the known names, for an unknown one. */
  createSelector(name: string, options?: SelectorOptions): Selector;
}

/**
 * The selectors a config may name: the built-in ones plus `extraSelectors`, which is how selectors that
 * live elsewhere join (the `learned` selector arrives with the learning layer and is registered by the
 * gateway). An extra selector may not take a built-in's name, so a config always means what it says.
 *
 * @example
 * const selectors = createSelectorRegistry({ extraSelectors: { learned: () => createLearnedSelector(stats) } });
 * if (!selectors.has(route.selector)) issues.push({ path, message: `known: ${selectors.names().join(', ')}` });
 * const selector = selectors.createSelector(route.selector, { rules: route.rules });
 */
export function createSelectorRegistry(
  options: { extraSelectors?: Readonly<Record<string, SelectorFactory>> } = {},
): SelectorRegistry {
  const factories = new Map<string, SelectorFactory>(Object.entries(builtInSelectors));
  for (const [name, factory] of Object.entries(options.extraSelectors ?? {})) {
    if (factories.has(name)) throw new Error(`"${name}" is a built-in selector and cannot be replaced`);
    if (!/^[a-z][a-z0-9-]*$/.test(name)) {
      throw new Error(`selector names are lowercase words joined by dashes, got "${name}"`);
    }
    factories.set(name, factory);
  }
  const names = (): string[] => [...factories.keys()];

  return {
    names,
    has: (name) => factories.has(name),
    createSelector(name, selectorOptions = {}) {
      const factory = factories.get(name);
      if (!factory) throw new Error(`unknown selector "${name}"; known selectors: ${names().join(', ')}`);
      return factory(selectorOptions);
    },
  };
}
