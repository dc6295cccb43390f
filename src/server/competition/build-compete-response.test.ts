import { describe, expect, it } from 'vitest';
import type { CompetitionResult } from '../../competition/competition-result.js';
import { createContenderResult } from '../../competition/__fixtures__/create-contender-result.js';
import { buildCompeteResponse, getPerformerKeys } from './build-compete-response.js';
import { getCompetitionHeaders } from './convert-competition-to-json.js';

describe("the /compete answer in the original brief's shape", () => {
  it('keys fields by provider, and by provider and model when a provider enters twice', () => {
    const contenders = [
      createContenderResult('groq', { text: 'a' }, 100),
      createContenderResult('openai', { text: 'b' }, 100),
      createContenderResult('openai', { text: 'c' }, 100),
    ];
    contenders[1]!.target = { ...contenders[1]!.target, model: 'gpt-4o-mini' };
    contenders[2]!.target = { ...contenders[2]!.target, model: 'gpt-4.1' };
    expect(getPerformerKeys(contenders)).toEqual(['groq', 'openai_gpt_4o_mini', 'openai_gpt_4_1']);
  });

  it('has every response, the winner, times in seconds, each contender, the verdict, and redacts texts', () => {
    const groq = createContenderResult('groq', { text: 'Paris, sk-secret.' }, 1234);
    const openai = createContenderResult('openai', { failure: 'timeout' }, 2000);
    const competition: CompetitionResult = {
      route: 'compete',
      contenders: [groq, openai],
      winner: groq as CompetitionResult['winner'],
      verdict: {
        evaluator: 'judge',
        winner: 'groq',
        scores: { groq: 1, openai: 0 },
        reasoning: 'the judge failed; fell back to fastest: groq answered first',
        fellBackTo: 'fastest',
        fallbackReason: 'the judge failed',
      },
      totalTimeInMs: 2101,
      deadlineInMs: 2000,
      evaluator: 'judge',
    };
    const body = buildCompeteResponse(competition, 'req_1', (text) =>
      text.replaceAll('sk-secret', '[redacted]'),
    );
    expect(body).toMatchObject({
      groq_response: 'Paris, [redacted].',
      openai_response: null,
      winning_response: 'Paris, [redacted].',
      best_performer: 'groq',
      performance_stats: { groq_time: 1.234, openai_time: 2, total_time: 2.101 },
      verdict: {
        evaluator: 'judge',
        winner: 'groq',
        fell_back_to: 'fastest',
        fallback_reason: 'the judge failed',
      },
      request_id: 'req_1',
    });
    expect(body.responses[1]).toEqual({
      name: 'openai',
      provider: 'openai',
      model: 'fake-model',
      response: null,
      error: { kind: 'timeout', message: 'openai failed' },
      timed_out: true,
      time: 2,
      ttft: null,
      tokens: null,
      cost: null,
    });
    expect(getCompetitionHeaders(competition)).toEqual({
      'x-arbiter-competition-winner': 'groq',
      'x-arbiter-evaluator': 'judge;fell-back-to=fastest',
      'x-arbiter-contenders': '2',
    });
  });
});
