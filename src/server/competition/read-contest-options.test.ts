import { describe, expect, it } from 'vitest';
import type { RouteConfig } from '../../config/arbiter-config.js';
import { readContestOptions } from './read-contest-options.js';

const routes: Record<string, RouteConfig> = {
  duel: { targets: [{ provider: 'groq', model: 'a' }], strategy: 'compete' },
  fast: { targets: [{ provider: 'groq', model: 'a' }], strategy: 'race' },
  compete: { targets: [{ provider: 'groq', model: 'a' }] },
};

function errorOf(body: Record<string, unknown>) {
  try {
    readContestOptions(body, routes);
  } catch (error) {
    return error as { status: number; code: string; param: string; message: string };
  }
  throw new Error('expected an ApiError');
}

describe('readContestOptions', () => {
  it('reads the contest fields and removes them from the body', () => {
    const body = {
      model: 'duel',
      contenders: ['groq', 'openai/gpt-4o'],
      evaluator: 'judge',
      deadline_ms: 5000,
    };
    expect(readContestOptions(body, routes)).toEqual({
      contenders: ['groq', 'openai/gpt-4o'],
      evaluator: 'judge',
      deadlineInMs: 5000,
    });
    expect(body).toEqual({ model: 'duel' });
    expect(readContestOptions({ model: 'race', contenders: ['groq'] }, routes)).toEqual({
      contenders: ['groq'],
    });
    expect(readContestOptions({ model: 'groq/a' }, routes)).toBeUndefined();
  });

  it('refuses them for a model that is not a contest, and an evaluator for a race', () => {
    expect(errorOf({ model: 'groq/a', contenders: ['groq'] })).toMatchObject({
      status: 400,
      code: 'contest_option_not_applicable',
      param: 'contenders',
    });
    // A config route named `compete` without a contest strategy is an ordinary route.
    expect(errorOf({ model: 'compete', deadline_ms: 100 })).toMatchObject({ param: 'deadline_ms' });
    expect(errorOf({ model: 'fast', evaluator: 'judge' })).toMatchObject({
      code: 'contest_option_not_applicable',
      param: 'evaluator',
    });
  });

  it('names a malformed field', () => {
    expect(errorOf({ model: 'duel', contenders: [] })).toMatchObject({
      code: 'invalid_type',
      param: 'contenders',
    });
    expect(errorOf({ model: 'duel', contenders: Array(17).fill('groq') })).toMatchObject({
      code: 'value_above_maximum',
    });
    expect(errorOf({ model: 'duel', evaluator: 'loudest' })).toMatchObject({
      code: 'invalid_value',
      param: 'evaluator',
    });
    expect(errorOf({ model: 'duel', deadline_ms: 1.5 })).toMatchObject({
      code: 'invalid_value',
      param: 'deadline_ms',
    });
  });
});
