import { describe, expect, it } from 'vitest';
import {
  createSelectionContext,
  createTestTarget,
  idsOf,
} from '../routing/selectors/__fixtures__/create-selection-context.js';
import { createManualClock, createOutcome, seededRandom } from './__fixtures__/create-learning-fixtures.js';
import { createLearnedSelector } from './create-learned-selector.js';
import { createLearning } from './create-learning.js';

const good = 'groq/good@groq#1';
const flaky = 'openai/flaky@openai#1';
const fresh = 'mistral/new@mistral#1';
const targets = [flaky, good, fresh].map(createTestTarget);

/** A learning layer that has watched `good` succeed fast and `flaky` fail half the time, slowly. */
function trainedLearning() {
  const learning = createLearning({ clock: createManualClock() });
  for (let index = 0; index < 40; index++) {
    learning.observe(createOutcome(good, { latencyInMs: 300 }));
    learning.observe(
      index % 2 === 0
        ? createOutcome(flaky, { latencyInMs: 1_200 })
        : createOutcome(flaky, { isSuccess: false, errorKind: 'server' }),
    );
  }
  return learning;
}

function firstPicks(selector: ReturnType<typeof createLearnedSelector>, seed: number, count = 1_000) {
  const random = seededRandom(seed);
  const picks = new Map<string, number>();
  for (let index = 0; index < count; index++) {
    const [first] = selector.order(targets, createSelectionContext({ route: 'smart', random }));
    picks.set(first!.id, (picks.get(first!.id) ?? 0) + 1);
  }
  return picks;
}

describe('learned selector', () => {
  it('orders every target once, in a new array, and copes with none and one', () => {
    const selector = createLearnedSelector({ learning: trainedLearning() });
    const frozen = Object.freeze([...targets]);
    const ordered = selector.order(
      frozen,
      createSelectionContext({ route: 'smart', random: seededRandom(1) }),
    );
    expect([...idsOf(ordered)].sort()).toEqual([...idsOf(targets)].sort());
    expect(ordered).not.toBe(frozen);
    expect(selector.name).toBe('learned');
    expect(selector.order([], createSelectionContext())).toEqual([]);
    expect(idsOf(selector.order([targets[0]!], createSelectionContext()))).toEqual([flaky]);
  });

  it('a clearly better target goes first most of the time, and the bad one almost never', () => {
    const picks = firstPicks(createLearnedSelector({ learning: trainedLearning() }), 2);
    expect(picks.get(good)).toBeGreaterThan(750);
    expect(picks.get(flaky) ?? 0).toBeLessThan(20);
  });

  it('still explores a target it has never measured (Thompson sampling)', () => {
    const picks = firstPicks(createLearnedSelector({ learning: trainedLearning() }), 3);
    expect(picks.get(fresh)).toBeGreaterThan(20);
  });

  it('an exploration floor puts a random target first that share of the time', () => {
    const withoutFloor = firstPicks(createLearnedSelector({ learning: trainedLearning() }), 4);
    const withFloor = firstPicks(
      createLearnedSelector({ learning: trainedLearning(), explorationFloor: 0.3 }),
      4,
    );
    // A third of the 30 % goes to the flaky target.
    expect(withFloor.get(flaky)! - (withoutFloor.get(flaky) ?? 0)).toBeGreaterThan(60);
    expect(() => createLearnedSelector({ learning: trainedLearning(), explorationFloor: 2 })).toThrow(
      RangeError,
    );
  });

  it('scores the request as it will be waited on: streams by time to first token', () => {
    const learning = createLearning({ clock: createManualClock() });
    for (let index = 0; index < 30; index++) {
      learning.observe(createOutcome(good, { isStream: true, ttftInMs: 900, latencyInMs: 1_000 }));
      learning.observe(createOutcome(flaky, { isStream: true, ttftInMs: 150, latencyInMs: 3_000 }));
    }
    const selector = createLearnedSelector({ learning });
    const context = createSelectionContext({
      route: 'smart',
      random: seededRandom(5),
      request: { isStream: true },
    });
    expect(selector.order(targets.slice(0, 2), context)[0]!.id).toBe(flaky);
  });
});
