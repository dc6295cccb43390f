import type { Clock } from '../lib/clock.js';
import { createChatStreamAccumulator } from '../lib/create-chat-stream-accumulator.js';
import { CallerCancelledError } from '../routing/attempt-context.js';
import type { AttemptResult } from '../routing/attempt-result.js';
import type { CommittedStream } from '../routing/attempt-stream.js';
import type { TargetGate } from '../routing/target-gate.js';
import type { Target } from '../routing/target.js';
import { toProviderError } from '../routing/to-provider-error.js';
import type { ChatStreamPart } from '../spec/chat-stream-part.js';
import { ProviderError } from '../spec/provider-error.js';
import type { Usage } from '../spec/usage.js';
import type { CompetitionObserver } from './competition-observer.js';
import type { Contender } from './contender.js';
import { createSkippedResult, pickContenderTarget } from './pick-contender-target.js';
import type { ContenderError, ContenderResult } from './contender-result.js';
import { getAnswerText } from './get-answer-text.js';

/** Abort reason for a contender still running at the competition's deadline: not the target's fault. */
export class CompetitionDeadlineError extends CallerCancelledError {
  override readonly name = 'CompetitionDeadlineError';
  constructor(deadlineInMs: number) {
    super(`did not finish within the competition's deadline (${deadlineInMs} ms)`);
  }
}

export interface CompetitionRun {
  contenders: readonly Contender[];
  /** One streamed attempt up to its commit point (attemptStream, bound to the request and its outcomes). */
  attempt: (target: Target, signal: AbortSignal) => Promise<AttemptResult<CommittedStream<ChatStreamPart>>>;
  gate: TargetGate;
  requestId: string;
  estimatedTokens: number;
  deadlineInMs: number;
  clock: Clock;
  /** The caller's signal: when it aborts, every contender is aborted. */
  signal: AbortSignal;
  getCost: (target: Target, usage: Usage) => number;
  /** Told who competes, each contender's parts as they stream and each result as it comes. */
  observer?: CompetitionObserver;
}

/**
 * Runs every contender at once, each on one target, and waits for all of them until the deadline: a
 * competition has no early winner, since the evaluator may prefer a slower answer. Contenders still
 * running at the deadline are aborted (their upstream connections closed) and reported as timed out.
 * Each result has its answer or error, latency, time to first token, usage and cost. Never throws for a
 * contender's failure; throws CallerCancelledError when the caller went away.
 */
export async function runCompetition(run: CompetitionRun): Promise<ContenderResult[]> {
  const { clock } = run;
  const startedAt = clock.now();
  const controller = new AbortController();
  const onCallerAbort = (): void => controller.abort(run.signal.reason);
  if (run.signal.aborted) controller.abort(run.signal.reason);
  else run.signal.addEventListener('abort', onCallerAbort, { once: true });
  const timer = new AbortController();
  let isPastDeadline = false;
  clock.sleep(run.deadlineInMs, timer.signal).then(
    () => {
      isPastDeadline = true;
      controller.abort(new CompetitionDeadlineError(run.deadlineInMs));
    },
    () => undefined,
  );
  // Every target is picked (and its attempt begun) in entry order before any is called, so each pick
  // sees the attempts begun before it, and the observer hears who competes before any part arrives.
  const picks = run.contenders.map((contender) => {
    const pick = pickContenderTarget(contender, run.gate, run.estimatedTokens);
    if (!('skipped' in pick)) run.gate.begin(pick.target, run.estimatedTokens, run.requestId);
    return pick;
  });
  const { observer } = run;
  observer?.onStart?.(
    picks.map((pick, index) => ({ name: run.contenders[index]!.name, target: pick.target })),
  );
  try {
    const results = await Promise.all(
      run.contenders.map(async (contender, index) => {
        const result = await runContender(contender, picks[index]!, index, run, controller.signal, {
          startedAt,
          isPastDeadline: () => isPastDeadline,
        });
        observer?.onResult?.(index, result);
        return result;
      }),
    );
    if (run.signal.aborted) throw new CallerCancelledError();
    return results;
  } finally {
    timer.abort();
    run.signal.removeEventListener('abort', onCallerAbort);
  }
}

/** Calls one contender on its picked target (begun on the gate by the caller, ended here) and reads its answer. */
async function runContender(
  contender: Contender,
  pick: ReturnType<typeof pickContenderTarget>,
  index: number,
  run: CompetitionRun,
  signal: AbortSignal,
  timing: { startedAt: number; isPastDeadline: () => boolean },
): Promise<ContenderResult> {
  const { startedAt, isPastDeadline } = timing;
  const elapsed = (): number => run.clock.now() - startedAt;
  if ('skipped' in pick) return createSkippedResult(contender.name, pick.target, pick.skipped);
  const { target } = pick;
  const base = {
    targetId: target.id,
    provider: target.provider,
    model: target.model,
    credentialId: target.credential.id,
  };
  const failed = (error: ContenderError, ttftInMs?: number): ContenderResult => {
    const isTimedOut = isPastDeadline() && !run.signal.aborted;
    const reported: ContenderError = isTimedOut
      ? {
          kind: 'timeout',
          message: `${contender.name} ${new CompetitionDeadlineError(run.deadlineInMs).message}`,
        }
      : error;
    const latencyInMs = elapsed();
    return {
      name: contender.name,
      target,
      text: '',
      error: reported,
      isTimedOut,
      latencyInMs,
      ttftInMs,
      record: {
        ...base,
        isSuccess: false,
        errorKind: reported.kind === 'skipped' ? undefined : reported.kind,
        status: reported.status,
        latencyInMs,
        // The all-failed error lists what went wrong with each attempt from this.
        ...(reported.kind === 'skipped' || reported.kind === 'cancelled'
          ? {}
          : {
              error: new ProviderError({
                kind: reported.kind,
                provider: target.provider,
                message: reported.message,
                status: reported.status,
              }),
            }),
      },
    };
  };

  try {
    const attempt = await run.attempt(target, signal);
    if (!attempt.isSuccess) {
      const { record } = attempt;
      return failed({
        kind: record.errorKind ?? 'server',
        message: record.error?.message ?? `${contender.name} failed`,
        status: record.status,
      });
    }
    const ttftInMs = elapsed();
    let response;
    try {
      // Streamed rather than asked for one body, so the contender's time to first token is measured too.
      const accumulator = createChatStreamAccumulator(target.model);
      for await (const part of attempt.value.parts) {
        if (part.type === 'error') throw part.error;
        run.observer?.onPart?.(index, part);
        accumulator.add(part);
      }
      response = accumulator.result();
    } catch (thrown) {
      const error = toProviderError(thrown, target.provider);
      return failed(
        error instanceof CallerCancelledError
          ? { kind: 'cancelled', message: error.message }
          : { kind: error.kind, message: error.message, status: error.status },
        ttftInMs,
      );
    }
    const latencyInMs = elapsed();
    return {
      name: contender.name,
      target,
      response,
      text: getAnswerText(response),
      isTimedOut: false,
      latencyInMs,
      ttftInMs,
      usage: response.usage,
      costInUsd: response.usage ? run.getCost(target, response.usage) : undefined,
      record: { ...base, isSuccess: true, latencyInMs },
    };
  } finally {
    run.gate.end(target);
  }
}
