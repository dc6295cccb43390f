import { describe, expect, it } from 'vitest';
import { createContenderResult } from '../__fixtures__/create-contender-result.js';
import { fallBackToFastest, fastestEvaluator } from './fastest-evaluator.js';

const context = {
  request: { model: 'compete', messages: [] },
  requestId: 'req_1',
  signal: new AbortController().signal,
};

describe('fastest evaluator', () => {
  it('prefers any answer to a faster failure, then the faster answer', async () => {
    const verdict = await fastestEvaluator.evaluate(
      [
        createContenderResult('groq', { failure: 'server' }, 100),
        createContenderResult('openai', { text: 'slow answer' }, 1800),
        createContenderResult('anthropic', { text: 'quick answer' }, 1200),
        createContenderResult('gemini', { failure: 'timeout' }, 3000),
      ],
      context,
    );
    expect(verdict).toMatchObject({
      evaluator: 'fastest',
      winner: 'anthropic',
      scores: { anthropic: 1, openai: 0.667, groq: 0, gemini: 0 },
    });
    expect(verdict.reasoning).toBe(
      'anthropic answered first, in 1.20 s; groq failed (server), openai in 1.80 s, gemini timed out',
    );
    expect(verdict.qualitySource).toBeUndefined();
  });

  it('breaks a tie in favour of the contender listed first', async () => {
    const verdict = await fastestEvaluator.evaluate(
      [createContenderResult('b', { text: 'x' }, 500), createContenderResult('a', { text: 'y' }, 500)],
      context,
    );
    expect(verdict.winner).toBe('b');
  });

  it('falls back with the reason kept apart and in the reasoning', () => {
    const verdict = fallBackToFastest(
      [
        createContenderResult('groq', { text: 'x' }, 300),
        createContenderResult('openai', { text: 'y' }, 200),
      ],
      'judge',
      'the judge failed',
    );
    expect(verdict).toMatchObject({
      evaluator: 'judge',
      winner: 'openai',
      fellBackTo: 'fastest',
      fallbackReason: 'the judge failed',
    });
    expect(verdict.reasoning).toMatch(/^the judge failed; fell back to fastest: openai answered first/);
  });
});
