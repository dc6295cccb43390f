import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { loadConfig } from './load-config.js';

function load(env: Record<string, string>, yaml?: string) {
  const cwd = mkdtempSync(join(tmpdir(), 'arbiter-competition-config-'));
  if (yaml) writeFileSync(join(cwd, 'arbiter.yaml'), yaml);
  return loadConfig({ cwd, env: { GROQ_API_KEY: 'g', OPENAI_API_KEY: 'o', ...env } });
}

function issuesOf(run: () => unknown): Array<{ path: string; message: string }> {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('competition settings', () => {
  it('default to fastest over every provider, a 30 s deadline and no judge', () => {
    expect(load({}).competition).toEqual({
      contenders: [],
      evaluator: 'fastest',
      deadlineInMs: 30_000,
      judge: { model: undefined, rubric: undefined, deadlineInMs: 20_000 },
    });
  });

  it('come from the environment first, then from competition: in the config file', () => {
    const yaml = [
      'routes:',
      '  smart: [openai/gpt-4o]',
      'competition:',
      '  contenders: [smart, groq]',
      '  evaluator: consensus',
      '  deadlineMs: 5000',
      '  judge: { model: openai/gpt-4o-mini, rubric: Be exact., deadlineMs: 900 }',
    ].join('\n');
    expect(load({}, yaml).competition).toEqual({
      contenders: ['smart', 'groq'],
      evaluator: 'consensus',
      deadlineInMs: 5000,
      judge: { model: 'openai/gpt-4o-mini', rubric: 'Be exact.', deadlineInMs: 900 },
    });
    const fromEnv = load(
      { COMPETE_CONTENDERS: 'openai/gpt-4o, gpt-4o-mini', COMPETE_EVALUATOR: 'Judge', JUDGE_MODEL: 'groq' },
      yaml,
    ).competition;
    expect(fromEnv).toMatchObject({
      contenders: ['openai/gpt-4o', 'gpt-4o-mini'],
      evaluator: 'judge',
      judge: { model: 'groq', rubric: 'Be exact.' },
    });
  });

  it('name every problem with its place', () => {
    expect(
      issuesOf(() => load({ COMPETE_CONTENDERS: 'groq,mistral/x,compete', COMPETE_EVALUATOR: 'loudest' })),
    ).toEqual([
      {
        path: 'COMPETE_CONTENDERS[1]',
        message: '"mistral/x" is not a configured provider, route or model (providers: openai, groq)',
      },
      { path: 'COMPETE_CONTENDERS[2]', message: '"compete" is a contest and cannot take part in one' },
      { path: 'COMPETE_EVALUATOR', message: '"loudest" is not one of fastest, judge, consensus' },
    ]);
    expect(issuesOf(() => load({}, 'competition:\n  evaluator: judge\n'))).toEqual([
      {
        path: 'competition.evaluator',
        message: '"judge" needs a judge model: set JUDGE_MODEL (or competition.judge.model)',
      },
    ]);
    expect(issuesOf(() => load({}, 'competition:\n  judges: []\n'))[0]!.path).toBe('competition');
  });

  it('let a route compete', () => {
    const config = load({}, 'routes:\n  duel:\n    strategy: compete\n    targets: [groq/a, openai/b]\n');
    expect(config.routes.duel!.strategy).toBe('compete');
  });
});
