import { describe, expect, it } from 'vitest';
import { createSelectionContext, createTestTarget, idsOf } from './__fixtures__/create-selection-context.js';
import { createPrioritySelector } from './priority-selector.js';

describe('priority selector', () => {
  it('keeps the route order, in a new array', () => {
    const targets = ['a/m@a#1', 'b/m@b#1', 'c/m@c#1'].map(createTestTarget);
    const ordered = createPrioritySelector().order(targets, createSelectionContext());
    expect(idsOf(ordered)).toEqual(['a/m@a#1', 'b/m@b#1', 'c/m@c#1']);
    expect(ordered).not.toBe(targets);
  });
});
