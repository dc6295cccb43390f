import { describe, expect, it } from 'vitest';
import { createTargetStats } from '../health/target-stats.js';
import { createSelectionContext, createTestTarget, idsOf } from './__fixtures__/create-selection-context.js';
import { createLeastBusySelector } from './least-busy-selector.js';

describe('least-busy selector', () => {
  it('puts the fewest attempts in flight first, ties in route order', () => {
    const stats = createTargetStats();
    for (const id of ['a/m@a#1', 'a/m@a#1', 'b/m@b#1', 'd/m@d#1', 'd/m@d#1']) stats.begin(id);
    const targets = ['a/m@a#1', 'b/m@b#1', 'c/m@c#1', 'd/m@d#1'].map(createTestTarget);
    expect(idsOf(createLeastBusySelector().order(targets, createSelectionContext({ stats })))).toEqual([
      'c/m@c#1',
      'b/m@b#1',
      'a/m@a#1',
      'd/m@d#1',
    ]);
  });
});
