import { describe, expect, it } from 'vitest';
import type { ArenaEvent } from '../api/admin-api-types';
import { applyArenaEvent, closeArenaRun, createArenaRun, getColumnTimes, type ArenaRun } from './arena-run';

const start: ArenaEvent = {
  type: 'start',
  data: {
    request_id: 'req_1',
    evaluator: 'fastest',
    contenders: [
      { id: 'c0', label: 'openai/sim-fast', target: 'openai/sim-fast', request_id: 'req_1_contender_0' },
      { id: 'c1', label: 'groq', target: 'groq/sim-slow', request_id: 'req_1_contender_1' },
    ],
  },
};
const done = (contender: string, error: { kind: string; message: string } | null = null): ArenaEvent => ({
  type: 'done',
  data: {
    contender,
    time_ms: 800,
    ttft_ms: 120,
    prompt_tokens: 5,
    completion_tokens: 9,
    cost_usd: 0.0001,
    error,
  },
});

function play(events: ArenaEvent[], times: number[]): ArenaRun {
  return events.reduce((run, event, index) => applyArenaEvent(run, event, times[index]!), createArenaRun(0));
}

describe('arena run', () => {
  it('opens a column per contender, streams text into it and notes the first text', () => {
    const run = play(
      [
        start,
        { type: 'delta', data: { contender: 'c1', text: 'Hel' } },
        { type: 'delta', data: { contender: 'c1', text: 'lo' } },
      ],
      [100, 250, 400],
    );
    expect(run.phase).toBe('running');
    expect(run.startedAt).toBe(100);
    expect(run.columns.map((column) => [column.id, column.text, column.firstTextAt])).toEqual([
      ['c0', '', null],
      ['c1', 'Hello', 250],
    ]);
    expect(getColumnTimes(run.columns[1]!, run.startedAt, 700)).toEqual({
      ttftMs: 150,
      totalMs: 600,
      isRunning: true,
    });
    expect(getColumnTimes(run.columns[0]!, run.startedAt, 700)).toEqual({
      ttftMs: null,
      totalMs: 600,
      isRunning: true,
    });
  });

  it("switches the timers to the gateway's figures when a contender is done, then waits for the verdict", () => {
    const running = play([start, done('c0')], [0, 900]);
    expect(running.phase).toBe('running');
    expect(getColumnTimes(running.columns[0]!, 0, 5_000)).toEqual({
      ttftMs: 120,
      totalMs: 800,
      isRunning: false,
    });
    const judging = applyArenaEvent(running, done('c1', { kind: 'timeout', message: 'Deadline' }), 1_000);
    expect(judging.phase).toBe('judging');
    const verdict: ArenaEvent = {
      type: 'verdict',
      data: {
        winner: 'c0',
        evaluator: 'fastest',
        reasoning: 'First to finish.',
        scores: { c0: 1 },
        fallback_reason: null,
      },
    };
    const finished = [verdict, { type: 'end', data: {} } as ArenaEvent].reduce(
      (run, event) => applyArenaEvent(run, event, 1_100),
      judging,
    );
    expect(finished).toMatchObject({
      phase: 'finished',
      verdict: { winner: 'c0', reasoning: 'First to finish.' },
    });
  });

  it('fails on an error event and stays failed through end; ignores unknown contenders', () => {
    const failed = play(
      [
        start,
        { type: 'delta', data: { contender: 'c9', text: 'lost' } },
        { type: 'error', data: { message: 'Judge crashed' } },
        { type: 'end', data: {} },
      ],
      [0, 1, 2, 3],
    );
    expect(failed).toMatchObject({ phase: 'failed', error: 'Judge crashed' });
    expect(failed.columns.every((column) => column.text === '')).toBe(true);
  });

  it('calls a stream that closed without end cut off, and leaves a finished one alone', () => {
    expect(closeArenaRun(play([start], [0]))).toMatchObject({
      phase: 'failed',
      error: 'The connection closed before the competition finished.',
    });
    const finished = play([start, { type: 'end', data: {} }], [0, 1]);
    expect(closeArenaRun(finished)).toBe(finished);
  });
});
