import { describe, expect, it } from 'vitest';
import { createTargetStats } from '../health/target-stats.js';
import {
  createSelectionContext,
  createTestOutcome,
  createTestTarget,
  idsOf,
  seededRandom,
} from './__fixtures__/create-selection-context.js';
import { createLearnedSelector } from '../../learning/create-learned-selector.js';
import { createLearning } from '../../learning/create-learning.js';
import { builtInSelectors, type SelectorFactory } from './create-selector-registry.js';

/**
 * What every selector promises, run against each built-in one: it orders (returns every target once) when
 * nothing rules a target out, returns a new array, leaves its input alone, and copes with 0 or 1 target.
 */
const ids = ['a/m1@a#1', 'b/m2@b#1', 'c/m3@c#1', 'd/m4@d#1'];

function busyContext() {
  const stats = createTargetStats();
  stats.begin('c/m3@c#1');
  stats.record(createTestOutcome('b/m2@b#1', { latencyInMs: 400 }));
  stats.record(createTestOutcome('d/m4@d#1', { latencyInMs: 100 }));
  return createSelectionContext({
    stats,
    random: seededRandom(7),
    getWeight: (target) => (target.id === 'b/m2@b#1' ? 3 : 1),
    getPrice: (target) =>
      target.id === 'a/m1@a#1' ? undefined : { inputPerMillion: 1, outputPerMillion: 2 },
    request: { text: 'a question about typescript', messageCount: 4 },
  });
}

/** The built-in selectors, and those registered from outside routing (the learning layer's). */
const selectors: Array<[string, SelectorFactory]> = [
  ...Object.entries(builtInSelectors),
  ['learned', () => createLearnedSelector({ learning: createLearning() })],
];

describe.each(selectors)('selector contract: %s', (name, factory) => {
  const selector = factory({ rules: [{ when: { contains: ['typescript'] }, prefer: ['c/*'] }] });

  it('is named as configured', () => {
    expect(selector.name).toBe(name);
  });

  it('returns every target exactly once, in a new array, leaving the input alone', () => {
    const targets = ids.map(createTestTarget);
    const frozen = Object.freeze([...targets]);
    const ordered = selector.order(frozen, busyContext());
    expect([...idsOf(ordered)].sort()).toEqual(ids);
    expect(ordered).not.toBe(frozen);
    expect(idsOf(frozen)).toEqual(ids);
  });

  it('copes with no target and with one', () => {
    expect(selector.order([], busyContext())).toEqual([]);
    expect(idsOf(selector.order([createTestTarget('a/m1@a#1')], busyContext()))).toEqual(['a/m1@a#1']);
  });
});
