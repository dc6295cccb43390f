import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiRequestError } from '../api/api-request-error';
import type { AdminClient } from '../api/create-admin-client';
import { ArenaColumn, type VoteState } from '../components/arena-column';
import { ArenaForm, type ArenaFormValue } from '../components/arena-form';
import { ErrorNotice } from '../components/error-notice';
import { Notice } from '../components/notice';
import { applyArenaEvent, closeArenaRun, createArenaRun, type ArenaRun } from '../lib/arena-run';
import { getArenaChoices } from '../lib/get-arena-choices';
import { useApiData } from '../lib/use-api-data';
import { ArenaVerdict } from './arena-verdict';

export interface ArenaPageProps {
  client: AdminClient;
}

/** How often the live timers redraw while answers stream. */
const timerTickInMs = 100;

/**
 * Type a prompt, pick contenders, watch them answer side by side with live timers, see the winner and
 * the evaluator's reasoning, and vote for the best answer: the vote is `POST /feedback` on that
 * contender's request id, a quality signal for the learned router.
 */
export function ArenaPage({ client }: ArenaPageProps) {
  const [form, setForm] = useState<ArenaFormValue>({
    prompt: '',
    contenders: new Set(),
    evaluator: 'fastest',
    deadlineInSeconds: 30,
  });
  const [run, setRun] = useState<ArenaRun | null>(null);
  const [votes, setVotes] = useState<Record<string, { state: VoteState; error?: string }>>({});
  const [now, setNow] = useState(() => performance.now());
  const controller = useRef<AbortController | null>(null);
  const choices = useApiData(async () => {
    const [models, providers] = await Promise.allSettled([client.getModels(), client.getProviders()]);
    if (models.status === 'rejected' && providers.status === 'rejected') throw providers.reason;
    return getArenaChoices(
      models.status === 'fulfilled' ? models.value : undefined,
      providers.status === 'fulfilled' ? providers.value : undefined,
    );
  }, []);
  const isRunning =
    run !== null && (run.phase === 'starting' || run.phase === 'running' || run.phase === 'judging');

  useEffect(() => {
    if (!isRunning) return;
    const timer = setInterval(() => setNow(performance.now()), timerTickInMs);
    return () => clearInterval(timer);
  }, [isRunning]);
  useEffect(() => () => controller.current?.abort(), []);

  async function start() {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    let current = createArenaRun(performance.now());
    const show = (next: ArenaRun) => {
      current = next;
      setRun(next);
      setNow(performance.now());
    };
    show(current);
    setVotes({});
    try {
      const events = await client.runArena(
        {
          prompt: form.prompt,
          ...(form.contenders.size > 0 ? { contenders: [...form.contenders] } : {}),
          evaluator: form.evaluator,
          deadline_ms: Math.round(form.deadlineInSeconds * 1_000),
        },
        abort.signal,
      );
      for await (const event of events) show(applyArenaEvent(current, event, performance.now()));
      show(closeArenaRun(current));
    } catch (error) {
      const message = abort.signal.aborted
        ? 'Stopped.'
        : error instanceof ApiRequestError
          ? error.message
          : `The arena failed: ${(error as Error).message}`;
      show({ ...current, phase: 'failed', error: message });
    }
  }

  async function vote(contender: string, requestId: string) {
    setVotes((previous) => ({ ...previous, [contender]: { state: 'sending' } }));
    try {
      await client.sendVote(requestId);
      setVotes((previous) => ({ ...previous, [contender]: { state: 'recorded' } }));
    } catch (error) {
      setVotes((previous) => ({
        ...previous,
        [contender]: { state: 'failed', error: (error as Error).message },
      }));
    }
  }

  const hasVoted = Object.values(votes).some(
    (entry) => entry.state === 'sending' || entry.state === 'recorded',
  );
  return (
    <>
      <div class="page-heading">
        <h1>Arena</h1>
      </div>
      <ErrorNotice error={choices.error} action="Could not load the contenders" />
      <ArenaForm
        value={form}
        choices={choices.data ?? []}
        isRunning={isRunning}
        onChange={setForm}
        onRun={() => void start()}
        onStop={() => controller.current?.abort()}
      />
      {run ? (
        <section class="arena-run" aria-label="Competition">
          <p class="arena-phase" role="status">
            {describePhase(run)}
          </p>
          {run.phase === 'failed' && run.error ? <Notice tone="error">{run.error}</Notice> : null}
          <div class="arena-columns">
            {run.columns.map((column) => (
              <ArenaColumn
                key={column.id}
                column={column}
                startedAt={run.startedAt}
                now={now}
                isWinner={run.verdict?.winner === column.id}
                canVote={run.phase === 'finished' && (!hasVoted || votes[column.id] !== undefined)}
                vote={votes[column.id]?.state ?? 'idle'}
                voteError={votes[column.id]?.error}
                onVote={() => void vote(column.id, column.request_id)}
              />
            ))}
          </div>
          {run.verdict ? <ArenaVerdict verdict={run.verdict} columns={run.columns} /> : null}
        </section>
      ) : null}
    </>
  );
}

function describePhase(run: ArenaRun): string {
  switch (run.phase) {
    case 'starting':
      return 'Starting the competition…';
    case 'running':
      return `${run.columns.length} contenders answering…`;
    case 'judging':
      return `Every contender is done; the ${run.evaluator ?? ''} evaluator is choosing…`;
    case 'finished':
      return 'Finished. Vote for the best answer to teach the router.';
    case 'failed':
      return 'The competition did not finish.';
  }
}
