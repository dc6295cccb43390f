import { describe, expect, it } from 'vitest';
import { parseJudgeVerdict } from './parse-judge-verdict.js';

describe('parseJudgeVerdict', () => {
  it('reads scores by label and the reasoning, also inside a code fence', () => {
    expect(parseJudgeVerdict('{"scores":{"A":0.9,"B":0.4},"reasoning":" A is right. "}', ['A', 'B'])).toEqual(
      {
        scores: { A: 0.9, B: 0.4 },
        reasoning: 'A is right.',
      },
    );
    expect(
      parseJudgeVerdict('```json\n{"scores":{"A":1,"B":0},"reasoning":"x"}\n```', ['A', 'B']).scores,
    ).toEqual({ A: 1, B: 0 });
  });

  it('says what is wrong with a verdict it cannot use', () => {
    expect(() => parseJudgeVerdict('A wins.', ['A', 'B'])).toThrow('did not answer with a JSON object');
    expect(() => parseJudgeVerdict('{"scores": {A: 1}}', ['A'])).toThrow('invalid JSON');
    expect(() => parseJudgeVerdict('{"scores":{"A":7},"reasoning":"x"}', ['A'])).toThrow(
      'invalid at "scores.A"',
    );
    expect(() => parseJudgeVerdict('{"scores":{"A":0.5},"reasoning":"x"}', ['A', 'B'])).toThrow(
      'no score for answer B',
    );
    expect(() => parseJudgeVerdict('{"scores":{"A":0.5}}', ['A'])).toThrow('invalid at "reasoning"');
  });
});
