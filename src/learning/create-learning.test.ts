import { describe, expect, it } from 'vitest';
import { createModelInfoLookup } from '../accounting/get-model-info.js';
import { createManualClock, createOutcome } from './__fixtures__/create-learning-fixtures.js';
import { createLearning, everyRoute } from './create-learning.js';
import type { LearningState } from './learning-state.js';

const hour = 3_600_000;
const fast = 'groq/llama@groq#1';
const slow = 'openai/gpt-4o@openai#1';

const stateIn = (
  snapshots: { targetId: string; route: string; state: unknown }[],
  targetId: string,
  route: string,
) =>
  snapshots.find((snapshot) => snapshot.targetId === targetId && snapshot.route === route)?.state as
    LearningState | undefined;

describe('createLearning', () => {
  it('feeds each outcome to the (target, route) and the (target, *) statistics', () => {
    const learning = createLearning({ clock: createManualClock() });
    learning.observe(createOutcome(fast, { route: 'smart' }));
    learning.observe(createOutcome(fast, { route: 'cheap' }));
    learning.observe(createOutcome(fast, { route: undefined }));
    const snapshots = learning.takeChangedSnapshots();
    expect(snapshots.map((snapshot) => snapshot.route).sort()).toEqual(['*', 'cheap', 'smart']);
    expect(stateIn(snapshots, fast, everyRoute)!.totals.attempts).toBe(3);
    expect(stateIn(snapshots, fast, 'smart')!.totals.attempts).toBe(1);
  });

  it('keeps no separate state for a provider/model route: its one target’s * state is it', () => {
    const learning = createLearning({ clock: createManualClock() });
    learning.observe(createOutcome(fast, { route: 'groq/llama' }));
    expect(learning.takeChangedSnapshots().map((snapshot) => snapshot.route)).toEqual(['*']);
    expect(learning.report({ route: 'groq/llama', targetIds: [fast] })[0]!.requests).toBe(1);
  });

  it('decays evidence by elapsed time, lazily at the next update', () => {
    const clock = createManualClock();
    const learning = createLearning({ clock, halfLifeInMs: hour });
    for (let index = 0; index < 8; index++) learning.observe(createOutcome(fast));
    clock.advance(2 * hour);
    learning.observe(createOutcome(fast, { isSuccess: false, errorKind: 'server' }));
    const state = stateIn(learning.takeChangedSnapshots(), fast, everyRoute)!;
    expect(state.reliability).toEqual({ successes: 2, failures: 1 });
    expect(state.totals).toMatchObject({ attempts: 9, successes: 8, failures: 1 });
  });

  it('reports every target seen, scored against each other, and a route’s candidates as its selector sees them', () => {
    const clock = createManualClock();
    const learning = createLearning({ clock });
    for (let index = 0; index < 5; index++) {
      learning.observe(createOutcome(fast, { latencyInMs: 200 }));
      learning.observe(createOutcome(slow, { latencyInMs: 900 }));
    }
    learning.observe(createOutcome(slow, { isSuccess: false, errorKind: 'timeout' }));
    const [fastRow, slowRow] = learning.report();
    expect(fastRow).toMatchObject({
      targetId: fast,
      provider: 'groq',
      model: 'llama',
      keyId: 'groq#1',
      route: '*',
      requests: 5,
      successRate: 1,
      latency: { averageInMs: 200, p95InMs: 200 },
      terms: { reliability: 1, speed: 1 },
    });
    expect(slowRow).toMatchObject({ requests: 6, successes: 5, failures: 1, lastFailureAt: clock.now() });
    expect(slowRow!.score).toBeLessThan(fastRow!.score);
    const unseen = 'mistral/large@mistral#1';
    const routeRows = learning.report({ route: 'smart', targetIds: [fast, unseen] });
    expect(routeRows.map((row) => [row.targetId, row.requests])).toEqual([
      [fast, 5],
      [unseen, 0],
    ]);
    expect(routeRows[1]).toMatchObject({ successRate: null, latency: { averageInMs: null }, quality: null });
  });

  it('records quality on the route and target-wide, checks its range, and can withdraw it', () => {
    const clock = createManualClock();
    const learning = createLearning({ clock, halfLifeInMs: hour });
    learning.recordQuality(fast, 'smart', 0, 'user');
    expect(learning.report({ route: 'smart', targetIds: [fast] })[0]).toMatchObject({
      quality: 1 / 3,
      qualitySignals: 1,
    });
    clock.advance(hour);
    learning.withdrawQuality(fast, 'smart', 0, 'user', clock.now() - hour);
    learning.recordQuality(fast, 'smart', 1, 'user');
    const state = stateIn(learning.takeChangedSnapshots(), fast, 'smart')!;
    expect(state.quality.positive).toBeCloseTo(1, 12);
    expect(state.quality.negative).toBeCloseTo(0, 12);
    expect(() => learning.recordQuality(fast, 'smart', 1.5, 'judge')).toThrow(RangeError);
    expect(() => learning.recordQuality(fast, 'smart', Number.NaN, 'judge')).toThrow(RangeError);
  });

  it('counts competitions per contender once, and seeds only the target-wide statistics', () => {
    const learning = createLearning({ clock: createManualClock() });
    learning.recordCompetition('compete', fast, [fast, slow, slow]);
    learning.recordCompetition('compete', undefined, [fast]);
    learning.seed(slow, { isSuccess: true, latencyInMs: 640 });
    const rows = learning.report({ route: 'compete', targetIds: [fast, slow] });
    expect(rows.map((row) => [row.competitionWins, row.competitionEntries])).toEqual([
      [1, 2],
      [0, 1],
    ]);
    const snapshots = learning.takeChangedSnapshots();
    expect(stateIn(snapshots, slow, everyRoute)!.samples.latency).toEqual([640]);
    expect(stateIn(snapshots, slow, 'compete')!.samples.latency).toEqual([]);
  });

  it('prices outcomes with the price table, and learns no cost for unknown models', () => {
    const learning = createLearning({ clock: createManualClock(), getModelInfo: createModelInfoLookup() });
    const usage = { prompt_tokens: 1_000_000, completion_tokens: 0, total_tokens: 1_000_000 };
    learning.observe(
      createOutcome('openai/gpt-4o-mini@openai#1', { provider: 'openai', model: 'gpt-4o-mini', usage }),
    );
    learning.observe(
      createOutcome('openai/unknown-model@openai#1', { provider: 'openai', model: 'unknown-model', usage }),
    );
    const [known, unknown] = learning.report({
      targetIds: ['openai/gpt-4o-mini@openai#1', 'openai/unknown-model@openai#1'],
    });
    expect(known!.costInUsd).toBeGreaterThan(0);
    expect(known!.averageCostInUsd).toBe(known!.costInUsd);
    expect(unknown).toMatchObject({ costInUsd: 0, averageCostInUsd: null, promptTokens: 1_000_000 });
  });

  it('forgets the least recently updated state beyond its cap', () => {
    const learning = createLearning({ clock: createManualClock(), maxStates: 2 });
    learning.observe(createOutcome('a/m@k', { route: undefined }));
    learning.observe(createOutcome('b/m@k', { route: undefined }));
    learning.observe(createOutcome('a/m@k', { route: undefined }));
    learning.observe(createOutcome('c/m@k', { route: undefined }));
    expect(
      learning
        .report()
        .map((row) => row.targetId)
        .sort(),
    ).toEqual(['a/m@k', 'c/m@k']);
  });
});

describe('createLearning: snapshots', () => {
  it('hands out each changed state once, as copies, and tells about every change', () => {
    let changes = 0;
    const learning = createLearning({ clock: createManualClock(), onChange: () => (changes += 1) });
    learning.observe(createOutcome(fast));
    expect(changes).toBe(2);
    const first = learning.takeChangedSnapshots();
    expect(first).toHaveLength(2);
    expect(learning.takeChangedSnapshots()).toEqual([]);
    (first[0]!.state as unknown as LearningState).totals.attempts = 99;
    expect(learning.report()[0]!.requests).toBe(1);
    learning.markChanged(first);
    expect(learning.takeChangedSnapshots()).toHaveLength(2);
  });

  it('round-trips through load: the same report, nothing marked changed, unreadable states refused', () => {
    const clock = createManualClock();
    const learning = createLearning({ clock });
    learning.observe(createOutcome(fast, { latencyInMs: 250 }));
    learning.observe(createOutcome(slow, { isSuccess: false, errorKind: 'server' }));
    learning.recordQuality(fast, 'smart', 0.9, 'judge');
    const snapshots = learning.takeChangedSnapshots();

    const restarted = createLearning({ clock });
    const result = restarted.load([
      ...JSON.parse(JSON.stringify(snapshots)),
      { targetId: 'x/y@z', route: '*', state: { version: 2 }, updatedAt: 1 },
      {
        targetId: 'x/y@z',
        route: 'smart',
        state: { ...snapshots[0]!.state, reliability: { successes: -1 } },
        updatedAt: 1,
      },
    ]);
    expect(result).toEqual({ loaded: snapshots.length, refused: 2 });
    expect(restarted.report()).toEqual(learning.report());
    expect(restarted.report({ route: 'smart', targetIds: [fast, slow] })).toEqual(
      learning.report({ route: 'smart', targetIds: [fast, slow] }),
    );
    expect(restarted.takeChangedSnapshots()).toEqual([]);
  });
});
