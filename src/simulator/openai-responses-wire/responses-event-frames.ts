import type { TimedFrame } from '../play-timed-frames.js';
import type { SimulatedTiming } from '../simulated-answer.js';

/** One event of a Responses stream before it is numbered. */
export type ResponsesEvent = { type: string } & Record<string, unknown>;

/**
 * The frames of a Responses stream in the making. Events are numbered from 0 as they are written, and
 * timed by generation step: step `n` is due at TTFT + `n` token intervals.
 */
export interface ResponsesEventFrames {
  readonly frames: TimedFrame[];
  /**
   * A structural event, which takes no generation time: due at once (`start`, the lifecycle events
   * sent with the headers), with the next step (`next`, events that open an item) or with the last
   * one (`last`, events that close it).
   */
  push(event: ResponsesEvent, due: 'start' | 'next' | 'last', kind?: 'lead' | 'tail'): void;
  /** A delta at the next step, or false (writing nothing) once `deltaLimit` deltas were written. */
  pushDelta(event: ResponsesEvent): boolean;
  /** Spends one step without an event, as naming a function does. */
  skipStep(): void;
}

/**
 * `event: <type>` and `data: <json>` per event: OpenAI names each event of a Responses stream, and
 * puts `sequence_number` right after `type`.
 */
export function createResponsesEventFrames(
  timing: SimulatedTiming,
  deltaLimit = Infinity,
): ResponsesEventFrames {
  const frames: TimedFrame[] = [];
  let sequence = 0;
  let step = 0;
  let deltas = 0;
  const dueAt = (index: number): number => timing.ttftInMs + Math.max(0, index) * timing.tokenIntervalInMs;
  const write = ({ type, ...fields }: ResponsesEvent, dueInMs: number, kind: TimedFrame['kind']): void => {
    const data = JSON.stringify({ type, sequence_number: sequence++, ...fields });
    frames.push({ text: `event: ${type}\ndata: ${data}\n\n`, dueInMs, kind });
  };
  return {
    frames,
    push(event, due, kind = 'lead') {
      write(event, due === 'start' ? 0 : dueAt(due === 'next' ? step : step - 1), kind);
    },
    pushDelta(event) {
      if (deltas >= deltaLimit) return false;
      deltas++;
      write(event, dueAt(step++), 'content');
      return true;
    },
    skipStep() {
      step++;
    },
  };
}
