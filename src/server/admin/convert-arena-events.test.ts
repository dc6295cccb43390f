import { describe, expect, it } from 'vitest';
import { createContenderResult } from '../../competition/__fixtures__/create-contender-result.js';
import type { CompetitionResult } from '../../competition/competition-result.js';
import {
  convertArenaDone,
  convertArenaNoWinner,
  convertArenaStart,
  convertArenaVerdict,
} from './convert-arena-events.js';

const redact = (text: string) => text.replaceAll('sk-secret', '[redacted]');

describe('the arena events', () => {
  it('names contenders c0, c1, … with their provider/model and their own request ids', () => {
    const fast = createContenderResult('groq', { text: 'Paris.' }, 100);
    expect(convertArenaStart('req_1', 'judge', [{ name: 'fast', target: fast.target }])).toEqual({
      request_id: 'req_1',
      evaluator: 'judge',
      contenders: [{ id: 'c0', label: 'fast', target: 'groq/fake-model', request_id: 'req_1_contender_0' }],
    });
  });

  it('reports a contender done in whole ms, with zeros without usage and its error redacted', () => {
    const answered = {
      ...createContenderResult('groq', { text: 'Paris.' }, 100.4),
      ttftInMs: 40.6,
      usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
      costInUsd: 0.0001,
    };
    expect(convertArenaDone(1, answered, redact)).toEqual({
      contender: 'c1',
      time_ms: 100,
      ttft_ms: 41,
      prompt_tokens: 5,
      completion_tokens: 2,
      cost_usd: 0.0001,
      error: null,
    });
    const failed = createContenderResult('openai', { failure: 'server' }, 30);
    failed.error!.message = 'upstream echoed sk-secret';
    expect(convertArenaDone(0, failed, redact)).toEqual({
      contender: 'c0',
      time_ms: 30,
      ttft_ms: null,
      prompt_tokens: 0,
      completion_tokens: 0,
      cost_usd: 0,
      error: { kind: 'server', message: 'upstream echoed [redacted]' },
    });
  });

  it('gives the verdict by arena id, with the fallback reason when the evaluator fell back', () => {
    const first = createContenderResult('groq', { text: 'A' }, 10);
    const second = createContenderResult('openai', { text: 'B' }, 20);
    const competition = {
      contenders: [first, second],
      winner: second,
      verdict: {
        evaluator: 'judge',
        winner: 'openai',
        scores: { groq: 0.2, openai: 0.9 },
        reasoning: 'B is right',
        fellBackTo: 'fastest',
        fallbackReason: 'the judge said sk-secret',
      },
    } as unknown as CompetitionResult;
    expect(convertArenaVerdict(competition, redact)).toEqual({
      winner: 'c1',
      evaluator: 'judge',
      reasoning: 'B is right',
      scores: { c0: 0.2, c1: 0.9 },
      fallback_reason: 'the judge said [redacted]',
    });
    expect(convertArenaNoWinner('fastest', 'Nobody answered.')).toEqual({
      winner: null,
      evaluator: 'fastest',
      reasoning: 'Nobody answered.',
      scores: {},
      fallback_reason: null,
    });
  });
});
