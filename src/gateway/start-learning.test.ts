import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createModelInfoLookup } from '../accounting/get-model-info.js';
import type { LearningConfig } from '../config/read-learning-config.js';
import { createManualClock, createOutcome } from '../learning/__fixtures__/create-learning-fixtures.js';
import { createStores } from './create-stores.js';
import { startLearning } from './start-learning.js';

const root = mkdtempSync(join(tmpdir(), 'arbiter-start-learning-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Fixed time: the reports before and after the restart are compared exactly. */
const clock = createManualClock();

const config: LearningConfig = {
  weights: { reliability: 0.4, speed: 0.3, quality: 0.2, recency: 0.1 },
  halfLifeInMs: 3_600_000,
  explorationFloor: 0,
  saveIntervalInMs: 30_000,
  isAutoLearned: false,
};

async function start(dataDir: string, errors: string[] = []) {
  const stores = await createStores({ kind: 'sqlite', dataDir });
  const started = await startLearning({
    config,
    store: stores.learnedStats,
    getModelInfo: createModelInfoLookup(),
    clock,
    reportError: (_error, message) => errors.push(message),
  });
  return { stores, started };
}

describe('startLearning', () => {
  it('what was learned survives a restart through SQLite', async () => {
    const dataDir = join(root, 'restart');
    const first = await start(dataDir);
    const { learning } = first.started;
    for (let index = 0; index < 6; index++)
      learning.observe(createOutcome('groq/llama@groq#1', { latencyInMs: 200 + index }));
    learning.observe(createOutcome('openai/gpt-4o@openai#1', { isSuccess: false, errorKind: 'server' }));
    learning.recordQuality('groq/llama@groq#1', 'smart', 0.9, 'user');
    learning.recordCompetition('compete', 'groq/llama@groq#1', [
      'groq/llama@groq#1',
      'openai/gpt-4o@openai#1',
    ]);
    const targetIds = ['groq/llama@groq#1', 'openai/gpt-4o@openai#1'];
    const before = { all: learning.report(), smart: learning.report({ route: 'smart', targetIds }) };
    await first.started.close();
    await first.stores.close();

    const second = await start(dataDir);
    expect(second.started.learning.report()).toEqual(before.all);
    expect(second.started.learning.report({ route: 'smart', targetIds })).toEqual(before.smart);
    expect(before.all[0]).toMatchObject({ requests: 6, competitionWins: 1 });
    await second.started.close();
    await second.stores.close();
  });

  it('skips unreadable snapshots with a report instead of refusing to start', async () => {
    const dataDir = join(root, 'unreadable');
    const stores = await createStores({ kind: 'sqlite', dataDir });
    await stores.learnedStats.save([{ targetId: 'a/b@c', route: '*', state: { version: 99 }, updatedAt: 1 }]);
    await stores.close();
    const errors: string[] = [];
    const { stores: reopened, started } = await start(dataDir, errors);
    expect(errors).toEqual(['1 learned statistics snapshots could not be read and were skipped']);
    expect(started.learning.report()).toEqual([]);
    expect(started.extraSelectors.learned!({}).name).toBe('learned');
    expect(started.autoSelector).toBeUndefined();
    await started.close();
    await reopened.close();
  });
});
