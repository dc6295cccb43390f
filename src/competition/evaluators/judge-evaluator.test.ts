import { describe, expect, it } from 'vitest';
import {
  createFakeAdapter,
  createFakeTarget,
  textResponse,
} from '../../../test/support/create-fake-adapter.js';
import { createFakeClock } from '../../../test/support/create-fake-clock.js';
import type { RouteSuccess } from '../../routing/route-success.js';
import type { ChatRequest } from '../../spec/chat-request.js';
import type { ChatResponse } from '../../spec/chat-response.js';
import { createContenderResult } from '../__fixtures__/create-contender-result.js';
import { createJudgeEvaluator, type JudgeCall } from './judge-evaluator.js';

const results = [
  createContenderResult('groq', { text: 'Paris.' }, 300),
  createContenderResult('openai', { text: 'The capital of France is Paris.' }, 900),
  createContenderResult('broken', { failure: 'server' }, 100),
];
const question: ChatRequest = {
  model: 'compete',
  messages: [{ role: 'user', content: 'Capital of France?' }],
};

function judgeAnswering(text: string): { call: JudgeCall; requests: ChatRequest[] } {
  const requests: ChatRequest[] = [];
  const target = createFakeTarget('judge', createFakeAdapter('judge', [{ response: text }]).adapter);
  const call: JudgeCall = async (request) => {
    requests.push(request);
    const success: RouteSuccess<ChatResponse> = { value: textResponse(text), target, attempts: [] };
    return success;
  };
  return { call, requests };
}

function setUp(judge: JudgeCall | undefined, deadlineInMs = 500) {
  const clock = createFakeClock();
  const caller = new AbortController();
  const evaluator = createJudgeEvaluator({
    judge,
    judgeModel: 'openai/judge-model',
    rubric: 'Short and right.',
    deadlineInMs,
    clock,
  });
  const evaluate = () =>
    evaluator.evaluate(results, { request: question, requestId: 'req_1', signal: caller.signal });
  return { clock, caller, evaluate };
}

describe('judge evaluator', () => {
  it('grades the answers under neutral labels and lets the best score win', async () => {
    const judge = judgeAnswering('{"scores": {"A": 0.4, "B": 0.9}, "reasoning": "B explains itself."}');
    const verdict = await setUp(judge.call).evaluate();
    expect(verdict).toMatchObject({
      evaluator: 'judge',
      winner: 'openai',
      scores: { groq: 0.4, openai: 0.9, broken: 0 },
      reasoning: 'B explains itself. (A = groq, B = openai)',
      qualitySource: 'judge',
    });
    expect(verdict.fellBackTo).toBeUndefined();
    expect(verdict.judgeCall?.target.provider).toBe('judge');
    const [request] = judge.requests;
    expect(request!.model).toBe('openai/judge-model');
    expect(request!.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { strict: true, schema: { properties: { scores: { required: ['A', 'B'] } } } },
    });
    const prompt = JSON.stringify(request!.messages);
    expect(prompt).toContain('Short and right.');
    expect(prompt).toContain('Capital of France?');
    expect(prompt).not.toContain('groq');
  });

  it('gives a tie to the faster answer', async () => {
    const judge = judgeAnswering('{"scores": {"A": 0.8, "B": 0.8}, "reasoning": "Both fine."}');
    expect((await setUp(judge.call).evaluate()).winner).toBe('groq');
  });

  it('abandons a judge slower than its deadline and falls back to fastest, saying so', async () => {
    let judgeSignal: AbortSignal | undefined;
    const slowJudge: JudgeCall = (_request, context) => {
      judgeSignal = context.signal;
      return new Promise((_resolve, reject) =>
        context.signal.addEventListener('abort', () => reject(context.signal.reason)),
      );
    };
    const { clock, evaluate } = setUp(slowJudge, 500);
    const pending = evaluate();
    await clock.advance(499);
    expect(judgeSignal?.aborted).toBe(false);
    await clock.advance(1);
    const verdict = await pending;
    expect(judgeSignal?.aborted).toBe(true);
    expect(verdict).toMatchObject({
      evaluator: 'judge',
      winner: 'groq',
      fellBackTo: 'fastest',
      fallbackReason: 'the judge did not answer within 500 ms',
    });
    expect(verdict.qualitySource).toBeUndefined();
  });

  it('falls back to fastest when the judge fails', async () => {
    const failingJudge: JudgeCall = async () => {
      throw new Error('every target of route "openai/judge-model" failed (1 attempt)');
    };
    const verdict = await setUp(failingJudge).evaluate();
    expect(verdict).toMatchObject({ winner: 'groq', fellBackTo: 'fastest' });
    expect(verdict.fallbackReason).toBe(
      'the judge failed: every target of route "openai/judge-model" failed (1 attempt)',
    );
  });

  it('falls back to fastest on a verdict that is not the JSON asked for', async () => {
    const verdict = await setUp(judgeAnswering('I prefer the second answer.').call).evaluate();
    expect(verdict).toMatchObject({
      winner: 'groq',
      fellBackTo: 'fastest',
      fallbackReason: 'the judge did not answer with a JSON object',
    });
    expect(verdict.judgeCall).toBeDefined();
  });

  it('falls back without calling anyone when no judge is configured or fewer than two answers finished', async () => {
    expect((await setUp(undefined).evaluate()).fallbackReason).toBe(
      'no judge model is configured (JUDGE_MODEL)',
    );
    const judge = judgeAnswering('{}');
    const evaluator = createJudgeEvaluator({
      judge: judge.call,
      judgeModel: 'judge',
      rubric: 'r',
      deadlineInMs: 100,
      clock: createFakeClock(),
    });
    const verdict = await evaluator.evaluate([results[0]!, results[2]!], {
      request: question,
      requestId: 'req_1',
      signal: new AbortController().signal,
    });
    expect(verdict.fallbackReason).toBe('only 1 answer finished; nothing to compare');
    expect(judge.requests).toHaveLength(0);
  });

  it('stops the judge when the caller goes away', async () => {
    const slowJudge: JudgeCall = (_request, context) =>
      new Promise((_resolve, reject) =>
        context.signal.addEventListener('abort', () => reject(context.signal.reason)),
      );
    const { caller, evaluate } = setUp(slowJudge);
    const pending = evaluate();
    caller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'CallerCancelledError' });
  });
});
