import { describe, expect, it } from 'vitest';
import {
  createFakeAdapter,
  createFakeTarget,
  textParts,
  textResponse,
  type FakeBehaviour,
} from '../../test/support/create-fake-adapter.js';
import { createFakeClock } from '../../test/support/create-fake-clock.js';
import { AllAttemptsFailedError } from '../routing/all-attempts-failed-error.js';
import { attemptStream } from '../routing/attempt-stream.js';
import type { Outcome } from '../routing/outcome.js';
import { chatStreamCodec } from '../routing/stream-codec.js';
import { openGate, type TargetGate } from '../routing/target-gate.js';
import type { ChatRequest } from '../spec/chat-request.js';
import { ProviderError } from '../spec/provider-error.js';
import { createRecordingSignals } from './__fixtures__/create-recording-signals.js';
import type { ContestOptions } from './contest-options.js';
import { createCompetition } from './create-competition.js';
import type { JudgeCall } from './evaluators/judge-evaluator.js';

const request: ChatRequest = {
  model: 'compete',
  messages: [{ role: 'user', content: 'Capital of France?' }],
};

function setUp(
  scripts: Record<string, FakeBehaviour[]>,
  options: { gate?: TargetGate; judge?: JudgeCall } = {},
) {
  const clock = createFakeClock();
  const outcomes: Outcome[] = [];
  const recording = createRecordingSignals();
  const adapters = Object.fromEntries(
    Object.entries(scripts).map(([name, script]) => [name, createFakeAdapter(name, script, clock)]),
  );
  const targets = Object.fromEntries(
    Object.keys(scripts).map((name) => [name, createFakeTarget(name, adapters[name]!.adapter)]),
  );
  const competition = createCompetition({
    clock,
    learning: recording.signals,
    gate: options.gate ?? openGate,
    attempt: (target, body, context) =>
      attemptStream(
        target,
        { ...context, now: clock.now, onOutcome: (outcome) => outcomes.push(outcome) },
        (candidate, signal) =>
          candidate.adapter.chatStream({
            request: body,
            model: candidate.model,
            credential: candidate.credential,
            baseUrl: candidate.baseUrl,
            signal,
          }),
        chatStreamCodec,
      ),
    getCost: (_target, usage) => usage.total_tokens / 1000,
    defaultEvaluator: 'fastest',
    defaultDeadlineInMs: 1000,
    judge: {
      call: options.judge,
      model: options.judge ? 'judge' : undefined,
      rubric: 'r',
      deadlineInMs: 300,
    },
  });
  const caller = new AbortController();
  const run = (names = Object.keys(scripts), contest: ContestOptions = {}) =>
    competition.run({
      route: 'compete',
      request,
      contenders: names.map((name) => ({ name, targets: [targets[name]!] })),
      requestId: 'req_1',
      signal: caller.signal,
      evaluator: contest.evaluator,
      deadlineInMs: contest.deadlineInMs,
      observer: contest.observer,
    });
  return { clock, outcomes, recording, adapters, targets, caller, run };
}

describe('competition', () => {
  it('waits for every contender, reports each one, and lets the evaluator pick', async () => {
    const { clock, recording, targets, run } = setUp({
      slow: [{ response: 'Paris, the capital.', delayInMs: 500, contentDelayInMs: 100 }],
      fast: [{ response: 'Paris.', delayInMs: 50, contentDelayInMs: 50 }],
    });
    const pending = run();
    await clock.advance(1000);
    const result = await pending;
    expect(result.contenders.map((contender) => contender.name)).toEqual(['slow', 'fast']);
    expect(result.contenders[0]).toMatchObject({
      text: 'Paris, the capital.',
      latencyInMs: 600,
      ttftInMs: 600,
      isTimedOut: false,
      usage: { total_tokens: 5 },
      costInUsd: 0.005,
      record: { isSuccess: true, targetId: targets.slow!.id },
    });
    expect(result.contenders[1]).toMatchObject({ text: 'Paris.', latencyInMs: 100, ttftInMs: 100 });
    expect(result.winner.name).toBe('fast');
    expect(result.verdict).toMatchObject({ evaluator: 'fastest', winner: 'fast' });
    expect(result.totalTimeInMs).toBe(600);
    expect(recording.competitions).toEqual([
      {
        route: 'compete',
        winnerTargetId: targets.fast!.id,
        contenderTargetIds: [targets.slow!.id, targets.fast!.id],
      },
    ]);
    // Speed is not quality: `fastest` teaches no quality signal.
    expect(recording.quality).toEqual([]);
  });

  it('aborts stragglers at the deadline and reports them as timed out, not as broken', async () => {
    const { clock, adapters, outcomes, run } = setUp({
      hung: [{ response: 'too late', delayInMs: 5000 }],
      fast: [{ response: 'on time', delayInMs: 100 }],
    });
    const pending = run(undefined, { deadlineInMs: 800 });
    await clock.advance(800);
    const result = await pending;
    expect(result.contenders[0]).toMatchObject({
      isTimedOut: true,
      error: { kind: 'timeout', message: "hung did not finish within the competition's deadline (800 ms)" },
      latencyInMs: 800,
    });
    expect(result.contenders[0]!.response).toBeUndefined();
    expect(adapters.hung!.abortedCalls()).toBe(1);
    expect(outcomes.find((outcome) => outcome.provider === 'hung')).toMatchObject({
      isSuccess: false,
      errorKind: 'cancelled',
    });
    expect(result.deadlineInMs).toBe(800);
    expect(result.winner.name).toBe('fast');
  });

  it('reports a failure before or after the first token with its kind', async () => {
    const { clock, run } = setUp({
      refused: [{ fail: 'auth', status: 401 }],
      broken: [
        {
          parts: [
            ...textParts('Par').slice(0, 2),
            {
              type: 'error',
              error: new ProviderError({ kind: 'server', provider: 'broken', message: 'cut' }),
            },
          ],
        },
      ],
      fine: [{ response: 'Paris.', delayInMs: 200 }],
    });
    const pending = run();
    // Lets the failures that need no time happen before the clock moves.
    await clock.advance(0);
    await clock.advance(1000);
    const result = await pending;
    expect(result.contenders[0]).toMatchObject({ error: { kind: 'auth', status: 401 }, isTimedOut: false });
    expect(result.contenders[1]).toMatchObject({ error: { kind: 'server', message: 'cut' }, ttftInMs: 0 });
    expect(result.winner.name).toBe('fine');
  });

  it('fails like a route whose every attempt failed when nobody answered', async () => {
    const { clock, run } = setUp({ a: [{ fail: 'server' }], b: [{ fail: 'rate-limited' }] });
    const pending = run().catch((error: unknown) => error);
    await clock.advance(10);
    const error = (await pending) as AllAttemptsFailedError;
    expect(error).toBeInstanceOf(AllAttemptsFailedError);
    expect(error.attempts.map((attempt) => attempt.errorKind)).toEqual(['server', 'rate-limited']);
    // Each attempt carries its error, for the message that lists them.
    expect(error.attempts.map((attempt) => attempt.error?.message)).toEqual([
      'fake server',
      'fake rate-limited',
    ]);
  });

  it('calls each contender on one target the gate allows, and skips one it refuses', async () => {
    const refused = new Set(['down']);
    const gate: TargetGate = {
      ...openGate,
      check: (target) =>
        refused.has(target.provider) ? { kind: 'skip', reason: 'key disabled (auth)' } : { kind: 'go' },
    };
    const { clock, adapters, recording, targets, run } = setUp(
      { down: [{ response: 'never' }], up: [{ response: 'yes' }] },
      { gate },
    );
    const pending = run();
    await clock.advance(10);
    const result = await pending;
    expect(result.contenders[0]).toMatchObject({
      error: { kind: 'skipped', message: 'down was not called: key disabled (auth)' },
      record: { skipped: 'key disabled (auth)' },
    });
    expect(adapters.down!.calls).toHaveLength(0);
    expect(recording.competitions[0]!.contenderTargetIds).toEqual([targets.up!.id]);
  });

  it("records a judge's grades as quality signals of each answer's target", async () => {
    const judgeTarget = createFakeTarget('judge', createFakeAdapter('judge', [{ response: '' }]).adapter);
    const judge: JudgeCall = async () => ({
      value: textResponse('{"scores": {"A": 0.3, "B": 0.8}, "reasoning": "B is fuller."}'),
      target: judgeTarget,
      attempts: [],
    });
    const { clock, recording, targets, run } = setUp(
      {
        terse: [{ response: 'Paris.', delayInMs: 10 }],
        full: [{ response: 'Paris, in France.', delayInMs: 20 }],
      },
      { judge },
    );
    const pending = run(undefined, { evaluator: 'judge' });
    await clock.advance(100);
    const result = await pending;
    expect(result.winner.name).toBe('full');
    expect(result.evaluator).toBe('judge');
    expect(recording.quality).toEqual([
      { targetId: targets.terse!.id, route: 'compete', score: 0.3, source: 'judge' },
      { targetId: targets.full!.id, route: 'compete', score: 0.8, source: 'judge' },
    ]);
    expect(recording.competitions[0]!.winnerTargetId).toBe(targets.full!.id);
  });

  it('lets an observer watch live: who competes, each part as it streams, each result as it ends', async () => {
    const { clock, targets, run } = setUp({
      slow: [{ response: 'Paris, the capital.', delayInMs: 500, contentDelayInMs: 100 }],
      fast: [{ response: 'Paris.', delayInMs: 50, contentDelayInMs: 50 }],
    });
    const events: string[] = [];
    const pending = run(undefined, {
      observer: {
        onStart: (contenders) =>
          events.push(`start ${contenders.map((entry) => `${entry.name}=${entry.target.id}`).join(' ')}`),
        onPart: (index, part) => {
          if (part.type === 'text-delta') events.push(`${index}@${clock.now()} ${part.text}`);
        },
        onResult: (index, result) => events.push(`${index} done@${clock.now()} ${result.text}`),
      },
    });
    expect(events).toEqual([`start slow=${targets.slow!.id} fast=${targets.fast!.id}`]);
    await clock.advance(1000);
    await pending;
    const start = 1_000_000;
    expect(events.slice(1)).toEqual([
      ...textParts('Paris.').flatMap((part) =>
        part.type === 'text-delta' ? [`1@${start + 100} ${part.text}`] : [],
      ),
      `1 done@${start + 100} Paris.`,
      ...textParts('Paris, the capital.').flatMap((part) =>
        part.type === 'text-delta' ? [`0@${start + 600} ${part.text}`] : [],
      ),
      `0 done@${start + 600} Paris, the capital.`,
    ]);
  });

  it('stops everything when the caller goes away', async () => {
    const { caller, adapters, run } = setUp({ a: [{ response: 'x', delayInMs: 500 }] });
    const pending = run();
    caller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'CallerCancelledError' });
    expect(adapters.a!.abortedCalls()).toBe(1);
  });
});
