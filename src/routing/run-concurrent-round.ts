import { CallerCancelledError, LostRaceError } from './attempt-context.js';
import type { AttemptResult } from './attempt-result.js';
import { prepareAttempt } from './prepare-attempt.js';
import type { RoundResult, StrategyInput } from './strategy-input.js';
import type { Target } from './target.js';

type Settled<T> = { index: number; result: AttemptResult<T> };

/**
 * One round of `race` (every target at once) or `hedge` (the next target starts when the current one
 * has not answered after its hedge delay, or at once when it fails). The first success wins; the others
 * are aborted (their upstream connections really closed) and recorded as cancelled, and a loser that
 * committed anyway is discarded.
 */
export async function runConcurrentRound<T>(
  targets: readonly Target[],
  input: StrategyInput<T>,
  mode: 'race' | 'hedge',
): Promise<RoundResult<T>> {
  const retryable: RoundResult<T>['retryable'] = [];
  const running = new Map<number, { controller: AbortController; promise: Promise<Settled<T>> }>();
  const parent = input.context.signal;
  let nextIndex = 0;
  let lastStarted: Target | undefined;
  let canHedge = mode === 'hedge';

  async function startNext(): Promise<boolean> {
    while (nextIndex < targets.length) {
      const index = nextIndex++;
      const candidate = targets[index]!;
      const target = await prepareAttempt(candidate, input, nextIndex < targets.length || running.size > 0);
      if (!target) continue;
      const controller = new AbortController();
      const onParentAbort = (): void => controller.abort(parent.reason);
      parent.addEventListener('abort', onParentAbort, { once: true });
      input.gate.begin(candidate, input.estimatedTokens, input.context.requestId);
      const promise = input
        .attempt(target, { ...input.context, signal: controller.signal })
        .finally(() => {
          input.gate.end(candidate);
          parent.removeEventListener('abort', onParentAbort);
        })
        .then((result) => ({ index, result }));
      running.set(index, { controller, promise });
      lastStarted = candidate;
      return true;
    }
    return false;
  }

  if (mode === 'race') while (await startNext());
  else await startNext();

  while (running.size > 0) {
    const timer = new AbortController();
    const waits: Array<Promise<Settled<T> | 'hedge'>> = [...running.values()].map((entry) => entry.promise);
    if (canHedge && nextIndex < targets.length && lastStarted) {
      waits.push(
        input.clock.sleep(input.getHedgeDelay(lastStarted), timer.signal).then(
          () => 'hedge' as const,
          () => new Promise<never>(() => undefined),
        ),
      );
    }
    const settled = await Promise.race(waits);
    timer.abort();
    if (settled === 'hedge') {
      if (input.hedgeBudget?.trySpend() === false) canHedge = false;
      else await startNext();
      continue;
    }
    running.delete(settled.index);
    input.attempts.push(settled.result.record);
    if (settled.result.isSuccess) {
      await abortLosers(running, input);
      return { winner: { value: settled.result.value, target: targets[settled.index]! }, retryable };
    }
    if (settled.result.isCancelled && parent.aborted) {
      await abortLosers(running, input);
      throw new CallerCancelledError();
    }
    const error = settled.result.record.error;
    if (error?.retryable)
      retryable.push({ target: targets[settled.index]!, retryAfterMs: error.retryAfterMs });
    if (mode === 'hedge' && running.size === 0) await startNext();
  }
  return { retryable };
}

async function abortLosers<T>(
  running: Map<number, { controller: AbortController; promise: Promise<Settled<T>> }>,
  input: StrategyInput<T>,
): Promise<void> {
  for (const entry of running.values()) entry.controller.abort(new LostRaceError());
  const losers = await Promise.all([...running.values()].map((entry) => entry.promise));
  for (const loser of losers) {
    input.attempts.push(loser.result.record);
    if (loser.result.isSuccess) input.discard(loser.result.value);
  }
  running.clear();
}
