import { describe, expect, it } from 'vitest';
import { createSelectionContext, createTestTarget, idsOf } from './__fixtures__/create-selection-context.js';
import { createRoundRobinSelector } from './round-robin-selector.js';

const targets = ['a/m@a#1', 'b/m@b#1', 'c/m@c#1'].map(createTestTarget);
const firstOf = (selector: ReturnType<typeof createRoundRobinSelector>, route: string) =>
  selector.order(targets, createSelectionContext({ route }))[0]!.id;

describe('round-robin selector', () => {
  it('starts one further each time and falls back in list order from there', () => {
    const selector = createRoundRobinSelector();
    const context = createSelectionContext();
    expect([1, 2, 3, 4].map(() => idsOf(selector.order(targets, context)))).toEqual([
      ['a/m@a#1', 'b/m@b#1', 'c/m@c#1'],
      ['b/m@b#1', 'c/m@c#1', 'a/m@a#1'],
      ['c/m@c#1', 'a/m@a#1', 'b/m@b#1'],
      ['a/m@a#1', 'b/m@b#1', 'c/m@c#1'],
    ]);
  });

  it('keeps a separate turn per route and per instance', () => {
    const selector = createRoundRobinSelector();
    expect(firstOf(selector, 'smart')).toBe('a/m@a#1');
    expect(firstOf(selector, 'smart')).toBe('b/m@b#1');
    expect(firstOf(selector, 'cheap')).toBe('a/m@a#1');
    expect(firstOf(createRoundRobinSelector(), 'smart')).toBe('a/m@a#1');
  });

  it('forgets the least recently used route past the cap', () => {
    const selector = createRoundRobinSelector({ maxRoutes: 2 });
    firstOf(selector, 'one');
    firstOf(selector, 'two');
    firstOf(selector, 'one');
    firstOf(selector, 'three'); // 'two' is forgotten
    expect(firstOf(selector, 'one')).toBe('c/m@c#1');
    expect(firstOf(selector, 'two')).toBe('a/m@a#1');
  });

  it('returns nothing for no targets', () => {
    expect(createRoundRobinSelector().order([], createSelectionContext())).toEqual([]);
  });
});
