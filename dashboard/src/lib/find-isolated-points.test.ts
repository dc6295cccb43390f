import { describe, expect, it } from 'vitest';
import { findIsolatedPoints } from './find-isolated-points';

describe('findIsolatedPoints', () => {
  it('finds values with a gap (or the edge) on both sides', () => {
    expect(findIsolatedPoints([null, 3, null, 4, 5, null])).toEqual([1]);
    expect(findIsolatedPoints([7, null, null, 0.5])).toEqual([0, 3]);
    expect(findIsolatedPoints([2])).toEqual([0]);
  });

  it('is null when every value has a neighbour, or there is no value', () => {
    expect(findIsolatedPoints([1, 2, null, 3, 4])).toBeNull();
    expect(findIsolatedPoints([null, null])).toBeNull();
    expect(findIsolatedPoints([])).toBeNull();
  });
});
