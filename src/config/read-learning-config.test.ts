import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { loadConfig } from './load-config.js';

function directory(configYaml?: string): string {
  const path = mkdtempSync(join(tmpdir(), 'arbiter-learning-config-'));
  if (configYaml) writeFileSync(join(path, 'arbiter.yaml'), configYaml);
  return path;
}

function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const close = (actual: object, expected: Record<string, number>) => {
  for (const [name, value] of Object.entries(expected))
    expect((actual as Record<string, number>)[name]).toBeCloseTo(value, 12);
};

describe('learning settings', () => {
  it("defaults to the brief's weights, a 60-minute half-life, no floor, saves every 30 s, auto unchanged", () => {
    const { learning } = loadConfig({ cwd: directory(), env: {} });
    close(learning.weights, { reliability: 0.4, speed: 0.3, quality: 0.2, recency: 0.1 });
    expect(learning).toMatchObject({
      halfLifeInMs: 3_600_000,
      explorationFloor: 0,
      saveIntervalInMs: 30_000,
      isAutoLearned: false,
    });
  });

  it('reads the environment, scaling weights that do not sum to 1', () => {
    const { learning } = loadConfig({
      cwd: directory(),
      env: {
        LEARNED_SCORE_WEIGHTS: '4, 3, 2, 1',
        LEARNING_HALF_LIFE_MINUTES: '15',
        LEARNING_EXPLORATION_FLOOR: '0.05',
        LEARNING_SAVE_INTERVAL_SECONDS: '5',
        LEARNING_AUTO: 'true',
      },
    });
    close(learning.weights, { reliability: 0.4, speed: 0.3, quality: 0.2, recency: 0.1 });
    expect(learning).toMatchObject({
      halfLifeInMs: 900_000,
      explorationFloor: 0.05,
      saveIntervalInMs: 5_000,
      isAutoLearned: true,
    });
  });

  it('reads `learning:` from the config file, with the environment taking precedence', () => {
    const cwd = directory(`
learning:
  weights: { reliability: 0.5, speed: 0.5, quality: 0, recency: 0 }
  halfLifeMinutes: 120
  explorationFloor: 0.01
  saveIntervalSeconds: 10
  auto: true
`);
    const fromFile = loadConfig({ cwd, env: {} }).learning;
    close(fromFile.weights, { reliability: 0.5, speed: 0.5, quality: 0, recency: 0 });
    expect(fromFile).toMatchObject({ halfLifeInMs: 7_200_000, explorationFloor: 0.01, isAutoLearned: true });
    expect(loadConfig({ cwd, env: { LEARNING_HALF_LIFE_MINUTES: '30' } }).learning.halfLifeInMs).toBe(
      1_800_000,
    );
  });

  it('names every bad value with its place', () => {
    expect(
      issuesOf(() =>
        loadConfig({
          cwd: directory(),
          env: {
            LEARNED_SCORE_WEIGHTS: '0.4,0.3,0.2',
            LEARNING_HALF_LIFE_MINUTES: '0',
            LEARNING_EXPLORATION_FLOOR: '0.9',
            LEARNING_AUTO: 'maybe',
          },
        }),
      ),
    ).toEqual([
      'LEARNED_SCORE_WEIGHTS: "0.4,0.3,0.2" needs 4 comma-separated numbers (reliability, speed, quality, recency)',
      'LEARNING_HALF_LIFE_MINUTES: "0" must be at least 0.01',
      'LEARNING_EXPLORATION_FLOOR: "0.9" must be at most 0.5',
      'LEARNING_AUTO: "maybe" is not true or false',
    ]);
    expect(
      issuesOf(() => loadConfig({ cwd: directory(), env: { LEARNED_SCORE_WEIGHTS: '1,-1,0,0' } })),
    ).toEqual(['LEARNED_SCORE_WEIGHTS: "1,-1,0,0" must be numbers of 0 or more']);
    expect(
      issuesOf(() => loadConfig({ cwd: directory(), env: { LEARNED_SCORE_WEIGHTS: '0,0,0,0' } })),
    ).toEqual(['LEARNED_SCORE_WEIGHTS: "0,0,0,0" needs at least one weight above 0']);
    const issues = issuesOf(() =>
      loadConfig({
        cwd: directory('learning:\n  weights: { reliability: 1, speed: 1 }\n  halfLife: 3\n'),
        env: {},
      }),
    );
    expect(issues.some((issue) => issue.startsWith('learning.weights.quality'))).toBe(true);
    expect(issues.some((issue) => issue.includes('halfLife'))).toBe(true);
  });
});
