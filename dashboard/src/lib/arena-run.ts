import type { ArenaContender, ArenaEvent } from '../api/admin-api-types';

type DoneData = Extract<ArenaEvent, { type: 'done' }>['data'];
type VerdictData = Extract<ArenaEvent, { type: 'verdict' }>['data'];

/** One contender's column as the page draws it. */
export interface ArenaColumn extends ArenaContender {
  text: string;
  /** Page clock (`performance.now()`) times, for the live timers until the gateway's own figures arrive. */
  firstTextAt: number | null;
  finishedAt: number | null;
  /** The gateway's measurements and the error, once the contender is done. */
  result: DoneData | null;
}

/** Where a competition is: the columns fill while `running`; `judging` waits for the verdict. */
export type ArenaPhase = 'starting' | 'running' | 'judging' | 'finished' | 'failed';

export interface ArenaRun {
  phase: ArenaPhase;
  requestId: string | null;
  evaluator: string | null;
  startedAt: number;
  columns: ArenaColumn[];
  verdict: VerdictData | null;
  error: string | null;
}

/** A run that has been sent but not answered yet. */
export function createArenaRun(now: number): ArenaRun {
  return {
    phase: 'starting',
    requestId: null,
    evaluator: null,
    startedAt: now,
    columns: [],
    verdict: null,
    error: null,
  };
}

/**
 * The run after one event (a new object; the old one is untouched, as Preact's state wants). `now` is
 * the page clock when the event arrived. Events for unknown contenders are ignored.
 */
export function applyArenaEvent(run: ArenaRun, event: ArenaEvent, now: number): ArenaRun {
  switch (event.type) {
    case 'start':
      return {
        ...run,
        phase: 'running',
        requestId: event.data.request_id,
        evaluator: event.data.evaluator,
        startedAt: now,
        columns: event.data.contenders.map((contender) => ({
          ...contender,
          text: '',
          firstTextAt: null,
          finishedAt: null,
          result: null,
        })),
      };
    case 'delta':
      return updateColumn(run, event.data.contender, (column) => ({
        ...column,
        text: column.text + event.data.text,
        firstTextAt: column.firstTextAt ?? now,
      }));
    case 'done': {
      const next = updateColumn(run, event.data.contender, (column) => ({
        ...column,
        finishedAt: now,
        result: event.data,
      }));
      const isEveryoneDone = next.columns.every((column) => column.result !== null);
      return isEveryoneDone && next.phase === 'running' ? { ...next, phase: 'judging' } : next;
    }
    case 'verdict':
      return { ...run, verdict: event.data };
    case 'error':
      return { ...run, phase: 'failed', error: event.data.message };
    case 'end':
      return run.phase === 'failed' ? run : { ...run, phase: 'finished' };
  }
}

/** The stream closed: a run that never saw `end` was cut off. */
export function closeArenaRun(run: ArenaRun): ArenaRun {
  if (run.phase === 'finished' || run.phase === 'failed') return run;
  return { ...run, phase: 'failed', error: 'The connection closed before the competition finished.' };
}

/** A column's timers: the gateway's figures once done, the page clock's while streaming. */
export function getColumnTimes(
  column: ArenaColumn,
  startedAt: number,
  now: number,
): { ttftMs: number | null; totalMs: number; isRunning: boolean } {
  if (column.result) {
    return { ttftMs: column.result.ttft_ms, totalMs: column.result.time_ms, isRunning: false };
  }
  return {
    ttftMs: column.firstTextAt === null ? null : column.firstTextAt - startedAt,
    totalMs: Math.max(0, now - startedAt),
    isRunning: true,
  };
}

function updateColumn(run: ArenaRun, id: string, change: (column: ArenaColumn) => ArenaColumn): ArenaRun {
  if (!run.columns.some((column) => column.id === id)) return run;
  return { ...run, columns: run.columns.map((column) => (column.id === id ? change(column) : column)) };
}
