import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../test/support/create-fake-clock.js';
import { createMemoryLearnedStatsStore } from '../store/memory/create-memory-learned-stats-store.js';
import type { LearnedStatsStore } from '../store/learned-stats-store.js';
import { createOutcome } from './__fixtures__/create-learning-fixtures.js';
import { createLearningSaver } from './create-learning-saver.js';
import { createLearning } from './create-learning.js';

function setUp(store: LearnedStatsStore = createMemoryLearnedStatsStore()) {
  const clock = createFakeClock();
  const errors: string[] = [];
  const learning = createLearning({ clock, onChange: () => saver.schedule() });
  const saver = createLearningSaver({
    learning,
    store,
    clock,
    intervalInMs: 30_000,
    onError: (_error, message) => errors.push(message),
  });
  return { clock, learning, saver, store, errors };
}

describe('learning saver', () => {
  it('saves changes once the interval has passed, and holds no timer while nothing changes', async () => {
    const { clock, learning, store } = setUp();
    expect(clock.pending()).toBe(0);
    learning.observe(createOutcome('groq/llama@groq#1'));
    learning.observe(createOutcome('groq/llama@groq#1'));
    expect(clock.pending()).toBe(1);
    await clock.advance(29_999);
    expect(await store.loadAll()).toEqual([]);
    await clock.advance(1);
    expect((await store.loadAll()).map((snapshot) => snapshot.route).sort()).toEqual(['*', 'smart']);
    expect(clock.pending()).toBe(0);
  });

  it('retries a failed save at the next interval, and reports it', async () => {
    const memory = createMemoryLearnedStatsStore();
    let failures = 1;
    const store: LearnedStatsStore = {
      loadAll: () => memory.loadAll(),
      async save(snapshots) {
        if (failures-- > 0) throw new Error('disk full');
        await memory.save(snapshots);
      },
    };
    const { clock, learning, errors } = setUp(store);
    learning.observe(createOutcome('groq/llama@groq#1'));
    await clock.advance(30_000);
    expect(errors).toEqual(['saving 2 learned statistics failed; retrying in 30000 ms']);
    expect(await memory.loadAll()).toEqual([]);
    await clock.advance(30_000);
    expect(await memory.loadAll()).toHaveLength(2);
  });

  it('close saves what is left at once and schedules nothing after', async () => {
    const { clock, learning, saver, store } = setUp();
    learning.observe(createOutcome('groq/llama@groq#1', { route: undefined }));
    await saver.close();
    expect(await store.loadAll()).toHaveLength(1);
    learning.observe(createOutcome('groq/llama@groq#1', { route: undefined }));
    expect(clock.pending()).toBe(0);
  });
});
