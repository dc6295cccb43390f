import type { ModelInfoLookup } from '../accounting/get-model-info.js';
import type { LearningConfig } from '../config/read-learning-config.js';
import { createLearnedSelector } from '../learning/create-learned-selector.js';
import { createLearning, type Learning } from '../learning/create-learning.js';
import { createLearningSaver } from '../learning/create-learning-saver.js';
import type { Clock } from '../lib/clock.js';
import type { SelectorFactory } from '../routing/selectors/create-selector-registry.js';
import type { LearnedStatsStore } from '../store/learned-stats-store.js';

/** The learning settings and what the learning layer needs from the composition root. */
export interface StartLearningOptions {
  config: LearningConfig;
  store: LearnedStatsStore;
  getModelInfo: ModelInfoLookup;
  clock?: Clock;
  reportError: (error: unknown, message: string) => void;
}

/** The learning layer as the gateway wires it. */
export interface StartedLearning {
  learning: Learning;
  /** For the selector registry: `learned`. */
  extraSelectors: Record<string, SelectorFactory>;
  /** The selector `auto` uses, when the config asks for one (`LEARNING_AUTO`). */
  autoSelector?: string;
  /** Saves the statistics that changed since the last save. */
  flush(): Promise<void>;
  /** Saves one last time; call before the stores close. */
  close(): Promise<void>;
}

/**
 * Creates the learning layer from the stored snapshots (so what was learned survives a restart) and its
 * saver. Unreadable snapshots (written by another version, edited by hand) are reported and skipped:
 * learning starts over for those targets rather than refusing to start.
 */
export async function startLearning(options: StartLearningOptions): Promise<StartedLearning> {
  const { config } = options;
  const learning = createLearning({
    clock: options.clock,
    halfLifeInMs: config.halfLifeInMs,
    weights: config.weights,
    getModelInfo: options.getModelInfo,
    // Changes start only after start-up (loading is not a change), by when the saver exists.
    onChange: () => saver.schedule(),
  });
  const { refused } = learning.load(await options.store.loadAll());
  if (refused > 0) {
    options.reportError(
      new Error(`${refused} unreadable snapshots`),
      `${refused} learned statistics snapshots could not be read and were skipped`,
    );
  }
  const saver = createLearningSaver({
    learning,
    store: options.store,
    clock: options.clock,
    intervalInMs: config.saveIntervalInMs,
    onError: options.reportError,
  });
  return {
    learning,
    extraSelectors: {
      learned: () => createLearnedSelector({ learning, explorationFloor: config.explorationFloor }),
    },
    autoSelector: config.isAutoLearned ? 'learned' : undefined,
    flush: () => saver.flush(),
    close: () => saver.close(),
  };
}
