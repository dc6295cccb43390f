import { describe, expect, it } from 'vitest';
import { createContenderResult } from '../__fixtures__/create-contender-result.js';
import { consensusEvaluator } from './consensus-evaluator.js';

const context = {
  request: { model: 'compete', messages: [] },
  requestId: 'req_1',
  signal: new AbortController().signal,
};

describe('consensus evaluator', () => {
  it('picks the answer most similar to the others, even when it is not the fastest', async () => {
    const verdict = await consensusEvaluator.evaluate(
      [
        createContenderResult(
          'outlier',
          { text: 'The moon is made of green cheese, everyone knows it.' },
          100,
        ),
        createContenderResult('short', { text: 'The capital of France is Paris.' }, 400),
        createContenderResult(
          'central',
          { text: 'The capital of France is Paris, which is also its largest city.' },
          700,
        ),
        createContenderResult(
          'long',
          { text: 'Paris is its largest city, and Paris is also the capital of France.' },
          900,
        ),
        createContenderResult('broken', { failure: 'server' }, 50),
      ],
      context,
    );
    expect(verdict.evaluator).toBe('consensus');
    expect(verdict.winner).toBe('central');
    expect(verdict.fellBackTo).toBeUndefined();
    expect(verdict.qualitySource).toBe('consensus');
    expect(verdict.scores).toMatchObject({
      outlier: 0,
      short: 0.228,
      central: 0.277,
      long: 0.202,
      broken: 0,
    });
    expect(verdict.reasoning).toContain("central's answer is the most similar");
  });

  it('lets the faster answer win a tie', async () => {
    const verdict = await consensusEvaluator.evaluate(
      [
        createContenderResult('slow', { text: 'same words here' }, 900),
        createContenderResult('fast', { text: 'same words here' }, 300),
        createContenderResult('middle', { text: 'same words here' }, 500),
      ],
      context,
    );
    expect(verdict.winner).toBe('fast');
  });

  it('leaves two answers to fastest: each is as similar to the other as the other is to it', async () => {
    const verdict = await consensusEvaluator.evaluate(
      [
        createContenderResult('a', { text: 'one answer' }, 900),
        createContenderResult('b', { text: 'another' }, 300),
      ],
      context,
    );
    expect(verdict).toMatchObject({ evaluator: 'consensus', winner: 'b', fellBackTo: 'fastest' });
    expect(verdict.fallbackReason).toBe('consensus needs at least three answers to compare, and 2 finished');
  });
});
