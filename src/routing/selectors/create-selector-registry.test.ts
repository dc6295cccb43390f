import { describe, expect, it } from 'vitest';
import { createSelectionContext, createTestTarget, idsOf } from './__fixtures__/create-selection-context.js';
import { createSelectorRegistry } from './create-selector-registry.js';
import type { Selector } from './selector.js';

const targets = ['a/m@a#1', 'b/m@b#1'].map(createTestTarget);
const reversed: Selector = { name: 'learned', order: (list) => [...list].reverse() };

describe('selector registry', () => {
  it('knows the built-in selectors and makes a new instance each time', () => {
    const registry = createSelectorRegistry();
    expect(registry.names()).toEqual([
      'priority',
      'weighted',
      'round-robin',
      'least-latency',
      'least-busy',
      'cost',
      'rules',
    ]);
    const first = registry.createSelector('round-robin');
    expect(first.name).toBe('round-robin');
    expect(registry.createSelector('round-robin')).not.toBe(first);
  });

  it('names the known selectors when given an unknown one, learned included until registered', () => {
    const registry = createSelectorRegistry();
    expect(registry.has('learned')).toBe(false);
    expect(() => registry.createSelector('learned')).toThrow(
      'unknown selector "learned"; known selectors: priority, weighted, round-robin, least-latency, least-busy, cost, rules',
    );
  });

  it('accepts injected selectors such as learned', () => {
    const registry = createSelectorRegistry({ extraSelectors: { learned: () => reversed } });
    expect(registry.has('learned')).toBe(true);
    expect(registry.names().at(-1)).toBe('learned');
    const selector = registry.createSelector('learned');
    expect(idsOf(selector.order(targets, createSelectionContext()))).toEqual(['b/m@b#1', 'a/m@a#1']);
  });

  it('refuses an extra selector that would replace a built-in or has a bad name', () => {
    expect(() => createSelectorRegistry({ extraSelectors: { cost: () => reversed } })).toThrow(
      '"cost" is a built-in selector and cannot be replaced',
    );
    expect(() => createSelectorRegistry({ extraSelectors: { 'My Selector': () => reversed } })).toThrow(
      'lowercase words joined by dashes',
    );
  });

  it('passes rules to the rules selector and insists on them', () => {
    const registry = createSelectorRegistry();
    expect(() => registry.createSelector('rules')).toThrow('the "rules" selector needs a list of rules');
    const selector = registry.createSelector('rules', {
      rules: [{ when: { contains: ['hello'] }, prefer: ['b/*'] }],
    });
    expect(idsOf(selector.order(targets, createSelectionContext()))).toEqual(['b/m@b#1', 'a/m@a#1']);
  });
});
