import { describe, expect, it } from 'vitest';
import type { Target } from '../target.js';
import {
  createSelectionContext,
  createTestTarget,
  idsOf,
  scriptedRandom,
  seededRandom,
} from './__fixtures__/create-selection-context.js';
import { createWeightedSelector } from './weighted-selector.js';

const targets = ['a/m@a#1', 'b/m@b#1', 'c/m@c#1'].map(createTestTarget);
const weights: Record<string, number> = { 'a/m@a#1': 1, 'b/m@b#1': 2, 'c/m@c#1': 1 };
const getWeight = (target: Target) => weights[target.id] ?? 1;

describe('weighted selector', () => {
  it('draws each position by weight from the targets left', () => {
    const selector = createWeightedSelector();
    // 0.1 × 4 = 0.4 falls in a [0, 1); then 0.9 × 3 = 2.7 falls in c [2, 3) of b, c.
    const first = createSelectionContext({ getWeight, random: scriptedRandom([0.1, 0.9]) });
    expect(idsOf(selector.order(targets, first))).toEqual(['a/m@a#1', 'c/m@c#1', 'b/m@b#1']);
    // 0.5 × 4 = 2 falls in b [1, 3); then 0.4 × 2 = 0.8 falls in a.
    const second = createSelectionContext({ getWeight, random: scriptedRandom([0.5, 0.4]) });
    expect(idsOf(selector.order(targets, second))).toEqual(['b/m@b#1', 'a/m@a#1', 'c/m@c#1']);
  });

  it('splits first places by weight over many requests (seeded)', () => {
    const selector = createWeightedSelector();
    const context = createSelectionContext({ getWeight, random: seededRandom(42) });
    const firsts: Record<string, number> = {};
    for (let count = 0; count < 8_000; count++) {
      const id = selector.order(targets, context)[0]!.id;
      firsts[id] = (firsts[id] ?? 0) + 1;
    }
    expect(firsts['a/m@a#1']! / 8_000).toBeCloseTo(0.25, 1);
    expect(firsts['b/m@b#1']! / 8_000).toBeCloseTo(0.5, 1);
    expect(firsts['c/m@c#1']! / 8_000).toBeCloseTo(0.25, 1);
  });

  it('puts zero and invalid weights last, in route order, without drawing for them', () => {
    const zeroWeights: Record<string, number> = { 'a/m@a#1': 0, 'b/m@b#1': Number.NaN, 'c/m@c#1': 3 };
    const context = createSelectionContext({
      getWeight: (target) => zeroWeights[target.id]!,
      random: scriptedRandom([]),
    });
    expect(idsOf(createWeightedSelector().order(targets, context))).toEqual([
      'c/m@c#1',
      'a/m@a#1',
      'b/m@b#1',
    ]);
  });

  it('gives the last target a draw that float rounding pushes past the total', () => {
    // With these weights, 0.9999999999999999 × total minus each weight in turn stays ≥ 0.
    const rounding: Record<string, number> = { 'a/m@a#1': 8.153, 'b/m@b#1': 0.486, 'c/m@c#1': 39.747 };
    const context = createSelectionContext({
      getWeight: (target) => rounding[target.id]!,
      random: scriptedRandom([0.9999999999999999, 0]),
    });
    expect(idsOf(createWeightedSelector().order(targets, context))).toEqual([
      'c/m@c#1',
      'a/m@a#1',
      'b/m@b#1',
    ]);
  });
});
